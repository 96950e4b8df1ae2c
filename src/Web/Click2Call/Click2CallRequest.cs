namespace CallMyWay.Voice.Web.Click2Call;

/// <summary>The body of <c>POST /api/click2call</c> (CONTRACT.md).</summary>
public sealed record Click2CallRequest(string? Phone, string? Name, string? Reason);
