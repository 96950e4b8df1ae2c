namespace CallMyWay.Voice.Telephony.Sip.UserAgent.Outbound;

/// <summary>Where an answered outbound call stands.</summary>
internal enum OutboundCallPhase
{
    /// <summary>Up, nothing pending.</summary>
    Confirmed,

    /// <summary>We answered the callee's re-INVITE and retransmit the 2xx until its ACK (RFC 3261 §13.3.1.4).</summary>
    AwaitingAck,

    /// <summary>Hung up by either side.</summary>
    Ended,
}
