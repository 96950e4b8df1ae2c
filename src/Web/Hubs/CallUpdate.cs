namespace CallMyWay.Voice.Web.Hubs;

/// <summary>A call's state for the live board: <c>ringing</c>, <c>ivr</c>, <c>queued</c>, <c>offered</c>, <c>connected</c>, <c>ended</c>.</summary>
public sealed record CallUpdate(string CallId, string State, string? Did, string? Country, string? Caller, string? Step, long? CaseNumber, DateTimeOffset At);
