using CallMyWay.Voice.Telephony.Ivr;

namespace CallMyWay.Voice.Telephony.Tests.Ivr;

/// <summary>Whether agents are free, as the test says.</summary>
internal sealed class AgentsOnDuty : IAgentAvailability
{
    public bool AgentsAvailable { get; set; }
}
