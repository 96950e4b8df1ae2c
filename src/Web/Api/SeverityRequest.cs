using CallMyWay.Voice.Domain.Sla;

namespace CallMyWay.Voice.Web.Api;

/// <summary>Body of <c>POST /api/cases/{number}/severity</c>.</summary>
public sealed record SeverityRequest(Severity? Severity, string? Reason);
