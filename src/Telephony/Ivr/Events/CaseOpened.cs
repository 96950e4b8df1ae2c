using CallMyWay.Voice.Domain.Cases;

namespace CallMyWay.Voice.Telephony.Ivr.Events;

/// <summary>A case was saved during the call with its number (the <c>caseNumber</c> of <c>callUpdated</c>).</summary>
public sealed record CaseOpened(string CallId, DateTimeOffset At, long Number, CaseKind Kind) : IvrEvent(CallId, At);
