namespace CallMyWay.Voice.Telephony.Ivr.Events;

/// <summary>The call left the IVR: to the agents' queue (state <c>queued</c>) or ended (state <c>ended</c>).</summary>
public sealed record IvrEnded(string CallId, DateTimeOffset At, IvrOutcome Outcome, long? CaseNumber) : IvrEvent(CallId, At);
