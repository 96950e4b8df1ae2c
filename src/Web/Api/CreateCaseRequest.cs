using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Domain.Sla;

namespace CallMyWay.Voice.Web.Api;

/// <summary>Body of <c>POST /api/cases</c>: the writable fields of a case.</summary>
public sealed record CreateCaseRequest(
    CaseKind? Kind,
    CaseChannel? Channel,
    string? CallerNumber,
    string? CallerEmail,
    string? CallerName,
    string? Did,
    string? Subject,
    CaseDetails? Details,
    AffectedUsers? AffectedUsers,
    int? Interruption,
    Severity? Severity);
