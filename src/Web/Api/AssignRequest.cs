namespace CallMyWay.Voice.Web.Api;

/// <summary>Body of <c>POST /api/cases/{number}/assign</c>; no agent means "me".</summary>
public sealed record AssignRequest(string? Agent);
