using CallMyWay.Voice.Domain.Common;
using CallMyWay.Voice.Domain.Sla;

namespace CallMyWay.Voice.Domain.Cases;

/// <summary>
/// A support case: the aggregate that enforces the desk's process (checklists, lifecycle, escalation,
/// SLA clock) and records every change in its history. Commands return a <see cref="DomainError"/>
/// when refused and leave the case untouched.
/// </summary>
public sealed class SupportCase
{
    private readonly List<CaseHistoryEntry> _history = [];

    private SupportCase()
    {
    }

    /// <summary>Digits only; given by the store when the case is first saved (0 before).</summary>
    public long Number { get; private set; }

    public CaseKind Kind { get; private set; }
    public CaseChannel Channel { get; private set; }
    public CaseStatus Status { get; private set; }
    public Severity Severity { get; private set; }
    public bool SeverityOverridden { get; private set; }
    public EscalationLevel Level { get; private set; } = EscalationLevel.Level1;
    public string? Assignee { get; private set; }
    public string? Did { get; private set; }
    public string? Country { get; private set; }
    public string? Language { get; private set; }
    public string? CallerNumber { get; private set; }
    public string? CallerEmail { get; private set; }
    public string? CallerName { get; private set; }
    public string? Subject { get; private set; }
    public CaseDetails Details { get; private set; } = CaseDetails.Empty;
    public AffectedUsers? AffectedUsers { get; private set; }
    public Interruption? Interruption { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>When review started (the checklist became complete): the SLA clock's origin.</summary>
    public DateTimeOffset? ReviewStartedAt { get; private set; }

    /// <summary>When an agent first took the case: the attention target is met then.</summary>
    public DateTimeOffset? AttendedAt { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>While the SLA clock runs, since when; null while it is stopped (waiting, resolved, not started).</summary>
    public DateTimeOffset? SlaRunningSince { get; private set; }

    /// <summary>Working time already counted against the targets before the clock last stopped.</summary>
    public TimeSpan SlaConsumed { get; private set; }

    public DateTimeOffset? AttentionDue { get; private set; }
    public DateTimeOffset? ResolutionDue { get; private set; }

    /// <summary>Bumped on every change; the store uses it to refuse lost updates.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<CaseHistoryEntry> History => _history;

    public IReadOnlyList<string> MissingInfo => RequiredInformation.MissingFor(Kind, Details);

    public static SupportCase Open(NewCase request, CaseChange change)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(change);
        var c = new SupportCase
        {
            Kind = request.Kind,
            Channel = request.Channel,
            Status = CaseStatus.New,
            Did = request.Did,
            Country = request.Country,
            Language = request.Language,
            CallerNumber = request.CallerNumber,
            CallerEmail = request.CallerEmail,
            CallerName = request.CallerName,
            Subject = request.Subject,
            Details = request.Details,
            AffectedUsers = request.AffectedUsers,
            Interruption = request.Interruption,
            CreatedAt = change.At,
            UpdatedAt = change.At,
        };
        c.Severity = request.Severity ?? DefaultSeverity(request.Kind, request.AffectedUsers, request.Interruption);
        c.SeverityOverridden = request.Severity is not null;
        c.Record(change, "created", $"{ContractName.Of(c.Kind)} case opened by {ContractName.Of(c.Channel)}, severity {c.Severity}", isPublic: true);
        c.EvaluateChecklist(change);
        return c;
    }

    /// <summary>The customer (or an agent on their behalf) supplies information; a complete checklist starts review.</summary>
    public DomainError? ProvideInformation(CaseDetails update, CaseChange change)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(change);
        if (Status == CaseStatus.Closed)
        {
            return DomainError.IllegalTransition("closed", "updated");
        }

        var merged = Details.MergedWith(update);
        if (merged == Details)
        {
            return null;
        }

        var before = MissingInfo;
        Details = merged;
        var after = MissingInfo;
        var supplied = before.Where(name => !after.Contains(name)).ToList();
        Record(change, "details", supplied.Count > 0 ? $"information received: {string.Join(", ", supplied)}" : "details updated");
        if (Status == CaseStatus.AwaitingInfo)
        {
            EvaluateChecklist(change);
        }

        return null;
    }

    /// <summary>An agent asks the customer for something more; the SLA clock stops while we wait.</summary>
    public DomainError? RequestInformation(string what, CaseChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (string.IsNullOrWhiteSpace(what))
        {
            return DomainError.Invalid("Say what information is requested.");
        }

        if (Status is not (CaseStatus.Open or CaseStatus.InProgress))
        {
            return DomainError.IllegalTransition(ContractName.Of(Status), "put on hold for information");
        }

        StopClock(change);
        Move(CaseStatus.AwaitingInfo, change);
        Record(change, "infoRequested", what, isPublic: true);
        return null;
    }

    /// <summary>The customer answered a request for information; review goes on where it stopped.</summary>
    public DomainError? InformationReceived(string summary, CaseChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (Status != CaseStatus.AwaitingInfo)
        {
            return DomainError.IllegalTransition(ContractName.Of(Status), "marked as answered");
        }

        if (MissingInfo.Count > 0)
        {
            return DomainError.Invalid($"Still missing: {string.Join(", ", MissingInfo)}.");
        }

        Record(change, "infoReceived", string.IsNullOrWhiteSpace(summary) ? "the customer answered" : summary, isPublic: true);
        EvaluateChecklist(change);
        return null;
    }

    public DomainError? AddNote(string text, bool isPublic, CaseChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (string.IsNullOrWhiteSpace(text))
        {
            return DomainError.Invalid("A note needs text.");
        }

        if (Status == CaseStatus.Closed)
        {
            return DomainError.IllegalTransition("closed", "annotated");
        }

        Record(change, "note", text.Trim(), isPublic);
        return null;
    }

    /// <summary>An agent takes the case: it is attended (the attention target is met) and in progress.</summary>
    public DomainError? Assign(string agent, CaseChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (string.IsNullOrWhiteSpace(agent))
        {
            return DomainError.Invalid("Name the agent to assign.");
        }

        if (Status is CaseStatus.Resolved or CaseStatus.Closed)
        {
            return DomainError.IllegalTransition(ContractName.Of(Status), "assigned");
        }

        var previous = Assignee;
        if (!string.Equals(previous, agent.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            Assignee = agent.Trim();
            Record(change, "assigned", previous is null ? $"assigned to {Assignee}" : $"reassigned from {previous} to {Assignee}");
        }

        if (Status == CaseStatus.Open)
        {
            Attend(change);
        }

        return null;
    }

    /// <summary>Work starts on an open case.</summary>
    public DomainError? Start(CaseChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (Status != CaseStatus.Open)
        {
            return DomainError.IllegalTransition(ContractName.Of(Status), "started");
        }

        if (Assignee is null)
        {
            // Whoever starts an untaken case owns it; the history must say so like any other assignment.
            Assignee = change.Actor;
            Record(change, "assigned", $"assigned to {Assignee}");
        }

        Attend(change);
        return null;
    }

    public DomainError? ChangeSeverity(Severity severity, string reason, CaseChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (!Enum.IsDefined(severity))
        {
            return DomainError.Invalid("Severity must be S1, S2, S3 or S4.");
        }

        if (Status is CaseStatus.Closed)
        {
            return DomainError.IllegalTransition("closed", "re-graded");
        }

        if (severity == Severity)
        {
            return null;
        }

        var previous = Severity;
        if (SlaRunningSince is not null)
        {
            // Time already worked counts against the new targets too.
            var clock = Clock().WithSeverity(severity, change.At, change.Rules.Sla, change.Rules.Calendar);
            SlaConsumed = clock.Consumed;
            SlaRunningSince = clock.RunningSince;
        }

        Severity = severity;
        SeverityOverridden = true;
        Record(change, "severity", $"{previous} → {severity}" + (string.IsNullOrWhiteSpace(reason) ? string.Empty : $": {reason.Trim()}"));
        RecomputeDueTimes(change);
        return null;
    }

    public DomainError? Escalate(string reason, CaseChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (string.IsNullOrWhiteSpace(reason))
        {
            return DomainError.Invalid("An escalation needs a reason.");
        }

        if (Status is CaseStatus.Resolved or CaseStatus.Closed)
        {
            return DomainError.IllegalTransition(ContractName.Of(Status), "escalated");
        }

        if (Level == EscalationLevel.Level3)
        {
            return new DomainError("case.top-level", "The case is already at level 3, the highest support level.");
        }

        var previous = Level;
        Level = previous + 1;

        // The next level's group picks the case up; the previous assignee no longer owns it.
        Assignee = null;
        Record(change, "escalated", $"level {(int)previous} → level {(int)Level}: {reason.Trim()}");
        return null;
    }

    public DomainError? Resolve(string resolution, CaseChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (string.IsNullOrWhiteSpace(resolution))
        {
            return DomainError.Invalid("Describe the resolution for the customer.");
        }

        if (Status is not (CaseStatus.Open or CaseStatus.InProgress))
        {
            return DomainError.IllegalTransition(ContractName.Of(Status), "resolved");
        }

        AttendedAt ??= change.At;
        StopClock(change);
        ResolvedAt = change.At;
        Move(CaseStatus.Resolved, change);
        Record(change, "resolved", resolution.Trim(), isPublic: true);
        return null;
    }

    /// <summary>Closing needs the customer's confirmation that the problem is solved (seed: "Se cierra el caso ante una confirmación").</summary>
    public DomainError? ConfirmResolution(string confirmation, CaseChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (Status != CaseStatus.Resolved)
        {
            return DomainError.IllegalTransition(ContractName.Of(Status), "closed: only a resolved case closes, on the customer's confirmation");
        }

        if (string.IsNullOrWhiteSpace(confirmation))
        {
            return DomainError.Invalid("Say how the customer confirmed the resolution.");
        }

        ClosedAt = change.At;
        Move(CaseStatus.Closed, change);
        Record(change, "confirmed", confirmation.Trim(), isPublic: true);
        return null;
    }

    /// <summary>The customer says it is not solved: the case goes back to work and its clock runs again.</summary>
    public DomainError? Reopen(string reason, CaseChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (Status != CaseStatus.Resolved)
        {
            return DomainError.IllegalTransition(ContractName.Of(Status), "reopened: only a resolved case can be");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return DomainError.Invalid("A reopening needs a reason.");
        }

        ResolvedAt = null;
        Move(Assignee is null ? CaseStatus.Open : CaseStatus.InProgress, change);
        Record(change, "reopened", reason.Trim(), isPublic: true);
        StartOrResumeClock(change);
        return null;
    }

    /// <summary>Notes in the history that an SLA alert went out, so the case's page shows it beside the work.</summary>
    public void RecordSlaAlert(SlaAlertKind kind, SlaAlertLevel level, DateTimeOffset due, CaseChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var what = level == SlaAlertLevel.Warning ? "75 % of the time used" : "target breached";
        Record(change, level == SlaAlertLevel.Warning ? "slaWarning" : "slaBreach", $"{ContractName.Of(kind)} {what}, due {due:yyyy-MM-dd HH:mm zzz}");
    }

    /// <summary>Raises the case straight to a level, e.g. when an SLA breach rule says so; lower or equal levels are refused.</summary>
    public DomainError? EscalateTo(EscalationLevel level, string reason, CaseChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (!Enum.IsDefined(level) || level <= Level)
        {
            return new DomainError("case.level", $"The case is already at level {(int)Level}; it can only go up.");
        }

        while (Level < level)
        {
            var error = Escalate(reason, change);
            if (error is not null)
            {
                return error;
            }
        }

        return null;
    }

    /// <summary>
    /// The SLA alerts this case will raise if nothing changes: a warning at 75 % and a breach at 100 % of each
    /// target still open (attention until an agent takes the case, resolution until it is resolved). Empty while
    /// the clock is stopped.
    /// </summary>
    public IReadOnlyList<PlannedSlaAlert> PlannedSlaAlerts(DeskRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (SlaRunningSince is not { } since || AttentionDue is not { } attentionDue || ResolutionDue is not { } resolutionDue)
        {
            return [];
        }

        var target = rules.Sla.For(Severity);
        var calendar = rules.Sla.CalendarFor(Severity, rules.Calendar);
        var alerts = new List<PlannedSlaAlert>(4);
        if (AttendedAt is null)
        {
            alerts.Add(new PlannedSlaAlert(SlaAlertKind.Attention, SlaAlertLevel.Warning, WarningTime(target.Attention), attentionDue));
            alerts.Add(new PlannedSlaAlert(SlaAlertKind.Attention, SlaAlertLevel.Breach, attentionDue, attentionDue));
        }

        alerts.Add(new PlannedSlaAlert(SlaAlertKind.Resolution, SlaAlertLevel.Warning, WarningTime(target.Resolution), resolutionDue));
        alerts.Add(new PlannedSlaAlert(SlaAlertKind.Resolution, SlaAlertLevel.Breach, resolutionDue, resolutionDue));
        return alerts;

        DateTimeOffset WarningTime(TimeSpan full)
        {
            var remaining = (full * PlannedSlaAlert.WarningShare) - SlaConsumed;
            return calendar.Add(since, remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
        }
    }

    private static Severity DefaultSeverity(CaseKind kind, AffectedUsers? users, Interruption? interruption)
    {
        if (users is not null && interruption is not null)
        {
            return SeverityMatrix.From(users.Value, interruption.Value);
        }

        // Requests and questions are low impact by the seed's definition; an incident of unknown impact is normal.
        return kind is CaseKind.Incident or CaseKind.Callback ? Severity.S3 : Severity.S4;
    }

    private void EvaluateChecklist(CaseChange change)
    {
        var missing = MissingInfo;
        if (missing.Count > 0)
        {
            if (Status != CaseStatus.AwaitingInfo)
            {
                Move(CaseStatus.AwaitingInfo, change);
                Record(change, "infoRequested", $"missing: {string.Join(", ", missing)}", isPublic: true);
            }

            return;
        }

        Move(AttendedAt is null || Assignee is null ? CaseStatus.Open : CaseStatus.InProgress, change);
        ReviewStartedAt ??= change.At;
        StartOrResumeClock(change);
    }

    private void Attend(CaseChange change)
    {
        AttendedAt ??= change.At;
        Move(CaseStatus.InProgress, change);
    }

    private void StartOrResumeClock(CaseChange change)
    {
        SlaRunningSince ??= change.At;
        RecomputeDueTimes(change);
    }

    private void StopClock(CaseChange change)
    {
        if (SlaRunningSince is null)
        {
            return;
        }

        SlaConsumed = Clock().Pause(change.At, change.Rules.Sla, change.Rules.Calendar).Consumed;
        SlaRunningSince = null;
    }

    private SlaClock Clock() => new(Severity, SlaRunningSince, SlaConsumed);

    private void RecomputeDueTimes(CaseChange change)
    {
        if (SlaRunningSince is null)
        {
            return;
        }

        var due = Clock().DueTimes(change.Rules.Sla, change.Rules.Calendar);
        if (due is not null)
        {
            AttentionDue = due.AttentionDue;
            ResolutionDue = due.ResolutionDue;
        }
    }

    private void Move(CaseStatus to, CaseChange change)
    {
        if (to == Status)
        {
            return;
        }

        var from = Status;
        Status = to;
        Record(change, "status", $"{ContractName.Of(from)} → {ContractName.Of(to)}", isPublic: true);
    }

    private void Record(CaseChange change, string action, string detail, bool isPublic = false)
    {
        _history.Add(new CaseHistoryEntry(change.At, change.Actor, action, detail, isPublic));
        UpdatedAt = change.At;
        Version++;
    }
}
