namespace CallMyWay.Voice.Telephony.Sip.UserAgent.Outbound;

/// <summary>Which side ended an answered call we placed.</summary>
public enum OutboundCallEndReason
{
    /// <summary>The desk hung up (<see cref="OutboundCall.HangupAsync"/>, or a failure such as no ACK to our answer of a re-INVITE).</summary>
    LocalHangup,

    /// <summary>The callee hung up (a BYE from the peer).</summary>
    RemoteHangup,
}
