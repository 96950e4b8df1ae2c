namespace CallMyWay.Voice.Telephony.Ivr.Events;

/// <summary>The caller heard the state of one of their cases.</summary>
public sealed record CaseLookedUp(string CallId, DateTimeOffset At, long Number) : IvrEvent(CallId, At);
