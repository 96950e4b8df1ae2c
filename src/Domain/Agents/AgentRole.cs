namespace CallMyWay.Voice.Domain.Agents;

/// <summary>What an agent may do: work cases at one of the three levels, or administer the desk.</summary>
public enum AgentRole
{
    Level1,
    Level2,
    Level3,
    Admin,
}
