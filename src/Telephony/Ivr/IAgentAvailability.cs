namespace CallMyWay.Voice.Telephony.Ivr;

/// <summary>Whether an agent could take a call now; the agents' queue implements it.</summary>
public interface IAgentAvailability
{
    /// <summary>True when at least one agent is signed in, available and not on a call.</summary>
    bool AgentsAvailable { get; }
}
