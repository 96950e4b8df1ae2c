using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Domain.Sla;

namespace CallMyWay.Voice.Web.Api;

/// <summary>A case as the API shows it (CONTRACT.md).</summary>
public sealed record CaseResponse(
    long Number,
    CaseKind Kind,
    Severity Severity,
    int Level,
    CaseStatus Status,
    CaseChannel Channel,
    string? Did,
    string? Country,
    string? Language,
    string? CallerNumber,
    string? CallerEmail,
    string? CallerName,
    string? Subject,
    string? Assignee,
    CaseDetails Details,
    AffectedUsers? AffectedUsers,
    int? Interruption,
    IReadOnlyList<string> MissingInfo,
    SlaResponse Sla,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<HistoryResponse> History)
{
    public static CaseResponse From(SupportCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var history = new List<HistoryResponse>(c.History.Count);
        foreach (var entry in c.History)
        {
            history.Add(new HistoryResponse(entry.At, entry.Actor, entry.Action, entry.Detail, entry.IsPublic));
        }

        return new CaseResponse(
            c.Number, c.Kind, c.Severity, (int)c.Level, c.Status, c.Channel, c.Did, c.Country, c.Language,
            c.CallerNumber, c.CallerEmail, c.CallerName, c.Subject, c.Assignee, c.Details, c.AffectedUsers,
            (int?)c.Interruption, c.MissingInfo,
            new SlaResponse(c.AttentionDue, c.ResolutionDue, c.SlaRunningSince is not null, c.AttendedAt, c.ResolvedAt),
            c.CreatedAt, c.UpdatedAt, history);
    }
}
