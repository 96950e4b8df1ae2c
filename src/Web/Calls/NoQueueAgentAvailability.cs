using CallMyWay.Voice.Telephony.Ivr;

namespace CallMyWay.Voice.Web.Calls;

/// <summary>
/// Until the agents' queue exists no call can be handed to an agent, so the IVR offers callers a callback instead
/// of promising a transfer nobody can take.
/// </summary>
public sealed class NoQueueAgentAvailability : IAgentAvailability
{
    public bool AgentsAvailable => false;
}
