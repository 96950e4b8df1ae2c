using CallMyWay.Voice.Domain.Agents;
using CallMyWay.Voice.Domain.Application;
using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Domain.Common;
using CallMyWay.Voice.Domain.Sla;
using CallMyWay.Voice.Web.Data;
using CallMyWay.Voice.Web.Email.Outbound;
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
    EmailOutbox mail,
    OutboxSignal mailSignal,
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
        await MailAlertAsync(supportCase, kind, level, due, cancellationToken).ConfigureAwait(false);

        await cases.ChangeAsync(number, Actor, (c, change) =>
        {
            c.RecordSlaAlert(kind, level, due, change);
            return level == SlaAlertLevel.Breach ? Escalate(c, kind, change) : null;
        }, cancellationToken).ConfigureAwait(false);
    }

    // The same alert by e-mail, to the assignee or, while nobody has the case, to every agent of its level.
    private async Task MailAlertAsync(SupportCase supportCase, SlaAlertKind kind, SlaAlertLevel level, DateTimeOffset due, CancellationToken cancellationToken)
    {
        var recipients = supportCase.Assignee is { } assignee
            ? [assignee]
            : await db.Agents.AsNoTracking().Where(a => a.IsActive && a.Role == LevelRole(supportCase.Level)).Select(a => a.Email).ToListAsync(cancellationToken).ConfigureAwait(false);
        var what = level == SlaAlertLevel.Warning ? "75 % of the time used" : "target breached";
        foreach (var recipient in recipients)
        {
            await mail.EnqueueAsync(
                db,
                new OutgoingMail(
                    $"sla:{supportCase.Number}:{kind}:{level}:{due.UtcTicks}:{recipient}",
                    supportCase.Number,
                    recipient,
                    null,
                    $"[Caso #{supportCase.Number}] SLA {ContractName.Of(kind)}: {what} ({supportCase.Severity})",
                    $"Case {supportCase.Number} ({supportCase.Severity}, level {(int)supportCase.Level}): {ContractName.Of(kind)} {what}.\nDue {due:yyyy-MM-dd HH:mm zzz}.\nSubject: {supportCase.Subject ?? "(none)"}",
                    MailThread.None,
                    AutoReply: false),
                cancellationToken).ConfigureAwait(false);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        mailSignal.Notify();
    }

    private static AgentRole LevelRole(EscalationLevel level) => level switch
    {
        EscalationLevel.Level2 => AgentRole.Level2,
        EscalationLevel.Level3 => AgentRole.Level3,
        _ => AgentRole.Level1,
    };

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
