namespace CallMyWay.Voice.Web.Api;

/// <summary>One entry of a case's history.</summary>
public sealed record HistoryResponse(DateTimeOffset At, string Actor, string Action, string Detail, bool Public);
