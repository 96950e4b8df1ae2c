namespace CallMyWay.Voice.Telephony.Sip.UserAgent.Outbound;

/// <summary>How an attempt to place a call ended.</summary>
public enum OutboundCallOutcome
{
    /// <summary>The callee answered (2xx); the call is up.</summary>
    Answered,

    /// <summary>The callee is busy: 486 Busy Here or 600 Busy Everywhere.</summary>
    Busy,

    /// <summary>Nobody answered within the ring timeout; the desk cancelled the INVITE (487).</summary>
    NoAnswer,

    /// <summary>The callee or the network refused the call with another final response (404, 480, 603, ...).</summary>
    Rejected,

    /// <summary>The call could not be placed: see <see cref="OutboundCallFailure"/>.</summary>
    Failed,

    /// <summary>The desk withdrew the call (the caller's cancellation token) before it was answered; the INVITE was cancelled.</summary>
    Cancelled,
}
