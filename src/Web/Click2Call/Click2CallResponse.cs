namespace CallMyWay.Voice.Web.Click2Call;

/// <summary>The 202 body: the callback's id (keep it to cancel), <c>dialing</c> or <c>scheduled</c>, and when.</summary>
public sealed record Click2CallResponse(string Id, string Status, DateTimeOffset? ScheduledFor);
