namespace CallMyWay.Voice.Telephony.Ivr.Events;

/// <summary>The call entered the IVR (state <c>ivr</c>).</summary>
/// <param name="Did">The desk number dialled, E.164.</param>
/// <param name="Country">The desk number's country (ISO 3166-1 alpha-2).</param>
/// <param name="CallerNumber">The caller's number; null when withheld.</param>
/// <param name="Language">The first language, the desk number's.</param>
public sealed record IvrStarted(string CallId, DateTimeOffset At, string Did, string Country, string? CallerNumber, string Language)
    : IvrEvent(CallId, At);
