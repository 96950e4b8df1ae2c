namespace CallMyWay.Voice.Telephony.Calls;

/// <summary>Where a call stands, as the agents' live board shows it (CONTRACT.md, <c>callUpdated</c>).</summary>
public enum CallState
{
    Ringing,
    Ivr,
    Queued,
    Offered,
    Connected,
    Ended,
}
