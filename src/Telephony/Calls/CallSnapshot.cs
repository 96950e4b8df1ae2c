namespace CallMyWay.Voice.Telephony.Calls;

/// <summary>A call as the live board sees it at one moment.</summary>
/// <param name="CallId">Our identifier of the call (the SIP Call-ID of its first leg).</param>
/// <param name="State">Ringing, in the IVR, queued, offered to an agent, connected, ended.</param>
/// <param name="Did">The desk number dialled, E.164.</param>
/// <param name="Country">The DID's country.</param>
/// <param name="Caller">The caller's number, when known.</param>
/// <param name="Step">The IVR step the caller is in, e.g. <c>incident.extension</c>.</param>
/// <param name="CaseNumber">The case the call opened or looked up, once known.</param>
/// <param name="At">When the call entered this state or step.</param>
/// <param name="StartedAt">When the call arrived.</param>
/// <param name="Channel">How the call came: <c>phone</c> or <c>click2call</c>.</param>
public sealed record CallSnapshot(
    string CallId,
    CallState State,
    string? Did,
    string? Country,
    string? Caller,
    string? Step,
    long? CaseNumber,
    DateTimeOffset At,
    DateTimeOffset StartedAt,
    string Channel);
