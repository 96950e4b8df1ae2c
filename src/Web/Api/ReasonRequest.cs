namespace CallMyWay.Voice.Web.Api;

/// <summary>Body of the case actions that only need words: escalate, resolve, confirm, reopen, request-info.</summary>
public sealed record ReasonRequest(string? Text);
