namespace CallMyWay.Voice.Web.Click2Call;

/// <summary>One attempt of a callback in the API: <c>answered</c>, <c>busy</c>, <c>noAnswer</c>, <c>rejected</c>, <c>failed</c>, <c>cancelled</c>.</summary>
public sealed record Click2CallAttemptView(int Number, DateTimeOffset At, string Outcome, int StatusCode, string Detail);
