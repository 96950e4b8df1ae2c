using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Domain.Sla;

namespace CallMyWay.Voice.Domain.Tests.Cases;

/// <summary>Everything a command could change on a case, to show that a refused command changed nothing.</summary>
internal sealed record CaseSnapshot(
    int Version,
    CaseStatus Status,
    int HistoryCount,
    Severity Severity,
    bool SeverityOverridden,
    EscalationLevel Level,
    string? Assignee,
    CaseDetails Details,
    string MissingInfo,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ReviewStartedAt,
    DateTimeOffset? AttendedAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? ClosedAt,
    DateTimeOffset? SlaRunningSince,
    TimeSpan SlaConsumed,
    DateTimeOffset? AttentionDue,
    DateTimeOffset? ResolutionDue)
{
    public static CaseSnapshot Of(SupportCase c) => new(
        c.Version,
        c.Status,
        c.History.Count,
        c.Severity,
        c.SeverityOverridden,
        c.Level,
        c.Assignee,
        c.Details,
        string.Join(",", c.MissingInfo),
        c.UpdatedAt,
        c.ReviewStartedAt,
        c.AttendedAt,
        c.ResolvedAt,
        c.ClosedAt,
        c.SlaRunningSince,
        c.SlaConsumed,
        c.AttentionDue,
        c.ResolutionDue);
}
