namespace CallMyWay.Voice.Telephony.Sip.UserAgent;

/// <summary>The phases of a call the desk answers.</summary>
internal enum InboundCallPhase
{
    /// <summary>180 sent; a CANCEL ends the call with 487.</summary>
    Ringing,

    /// <summary>200 sent and retransmitted until the ACK (RFC 3261 §13.3.1.4).</summary>
    Answered,

    /// <summary>ACK received: the dialog is confirmed.</summary>
    Confirmed,

    Ended,
}
