using CallMyWay.Voice.Domain.Sla;

namespace CallMyWay.Voice.Web.Sla;

/// <summary>
/// An SLA alert that was sent. The store keeps one row per (case, kind, level, due time): inserting it before
/// sending is what makes every alert go out exactly once, across restarts and duplicate triggers.
/// </summary>
public sealed class SlaAlertRecord
{
    private SlaAlertRecord()
    {
    }

    public SlaAlertRecord(long caseNumber, SlaAlertKind kind, SlaAlertLevel level, DateTimeOffset due, DateTimeOffset sentAt)
    {
        CaseNumber = caseNumber;
        Kind = kind;
        Level = level;
        DueUtcTicks = due.UtcTicks;
        Due = due;
        SentAt = sentAt;
    }

    public long Id { get; private set; }
    public long CaseNumber { get; private set; }
    public SlaAlertKind Kind { get; private set; }
    public SlaAlertLevel Level { get; private set; }
    public DateTimeOffset Due { get; private set; }

    /// <summary>The due time as UTC ticks: one value per instant whatever the offset, for the unique index.</summary>
    public long DueUtcTicks { get; private set; }

    public DateTimeOffset SentAt { get; private set; }
}
