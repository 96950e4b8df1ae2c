namespace CallMyWay.Voice.Telephony.Ivr.Events;

/// <summary>The caller pressed <c>9</c>: the IVR speaks <paramref name="To"/> from now on.</summary>
public sealed record LanguageChanged(string CallId, DateTimeOffset At, string From, string To) : IvrEvent(CallId, At);
