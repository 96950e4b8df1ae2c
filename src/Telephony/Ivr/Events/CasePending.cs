using CallMyWay.Voice.Domain.Cases;

namespace CallMyWay.Voice.Telephony.Ivr.Events;

/// <summary>The database was down: the case waits in the durable outbox and gets its number when it is written.</summary>
public sealed record CasePending(string CallId, DateTimeOffset At, CaseKind Kind) : IvrEvent(CallId, At);
