using CallMyWay.Voice.Domain.Application;
using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Domain.Common;
using CallMyWay.Voice.Domain.Sla;
using CallMyWay.Voice.Web.Data;
using CallMyWay.Voice.Web.Hubs;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace CallMyWay.Voice.Web.Sla;

/// <summary>
/// Fires one SLA alert: checks it still applies to the case as it is now, records it (once, by a unique key),
/// sends <c>slaAlert</c> to the assignee, the level's group and the administrators, and on a breach applies the
/// escalation rules.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class SlaAlertJob(
    CaseService cases,
    DeskDbContext db,
    IHubContext<AgentHub> hub,
    IReadOnlyList<EscalationRule> escalations,
    TimeProvider time,
    ILogger<SlaAlertJob> logger) : IJob
{
    public const string Actor = "sla";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var data = context.MergedJobDataMap;
        var number = data.GetLong(SlaScheduler.CaseKey);
        var kind = Enum.Parse<SlaAlertKind>(data.GetString(SlaScheduler.KindKey)!);
        var level = Enum.Parse<SlaAlertLevel>(data.GetString(SlaScheduler.LevelKey)!);
        var due = new DateTimeOffset(data.GetLong(SlaScheduler.DueKey), TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(data.GetInt(SlaScheduler.DueOffsetKey)));

        var supportCase = await cases.FindAsync(number, cancellationToken).ConfigureAwait(false);
        if (supportCase is null || !supportCase.PlannedSlaAlerts(cases.Rules).Any(a => a.IsSameAlert(kind, level, due)))
        {
            // The case moved on (attended, resolved, paused, re-graded) after this trigger was set.
            return;
        }

        db.SlaAlerts.Add(new SlaAlertRecord(number, kind, level, due, time.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Already sent by an earlier run (a restart, a duplicate trigger): exactly once means not again.
            db.ChangeTracker.Clear();
            return;
        }

        var groups = new List<string> { AgentGroups.Level((int)supportCase.Level), AgentGroups.Admins };
        if (supportCase.Assignee is { } assignee)
        {
            groups.Add(AgentGroups.Agent(assignee));
        }

        await hub.Clients.Groups(groups).SendAsync(
            AgentHubEvents.SlaAlert,
            new SlaAlertMessage(number, ContractName.Of(kind), due, ContractName.Of(level)),
            cancellationToken).ConfigureAwait(false);
        AlertSent(logger, number, kind, level, due);

        await cases.ChangeAsync(number, Actor, (c, change) =>
        {
            c.RecordSlaAlert(kind, level, due, change);
            return level == SlaAlertLevel.Breach ? Escalate(c, kind, change) : null;
        }, cancellationToken).ConfigureAwait(false);
    }

    private DomainError? Escalate(SupportCase supportCase, SlaAlertKind kind, CaseChange change)
    {
        var target = EscalationLevel.Level1;
        foreach (var rule in escalations)
        {
            if (rule.AppliesTo(kind, supportCase.Severity) && rule.ToLevel > target)
            {
                target = rule.ToLevel;
            }
        }

        // Already at or above the rule's level: the breach is recorded, nothing more to do.
        return target > supportCase.Level ? supportCase.EscalateTo(target, $"{ContractName.Of(kind)} target of {supportCase.Severity} breached", change) : null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {Number}: SLA {Kind} {Level} sent (due {Due})")]
    private static partial void AlertSent(ILogger logger, long number, SlaAlertKind kind, SlaAlertLevel level, DateTimeOffset due);
}
