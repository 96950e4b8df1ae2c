namespace CallMyWay.Voice.Web.Hubs;

/// <summary>Whether an agent can be offered a call.</summary>
public enum AgentStatus
{
    Offline,
    Available,
    Away,
    Busy,
    WrapUp,
}
