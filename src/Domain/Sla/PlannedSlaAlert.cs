namespace CallMyWay.Voice.Domain.Sla;

/// <summary>An SLA alert a case will raise if nothing changes: what, when it fires, and the due time it is about.</summary>
public sealed record PlannedSlaAlert(SlaAlertKind Kind, SlaAlertLevel Level, DateTimeOffset FireAt, DateTimeOffset Due)
{
    /// <summary>The share of a target after which a warning fires.</summary>
    public const double WarningShare = 0.75;

    public bool IsSameAlert(SlaAlertKind kind, SlaAlertLevel level, DateTimeOffset due) =>
        Kind == kind && Level == level && Due.UtcTicks == due.UtcTicks;
}
