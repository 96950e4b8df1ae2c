using System.Globalization;
using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Domain.Sla;
using CallMyWay.Voice.Web.Data;
using CallMyWay.Voice.Web.Desk;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace CallMyWay.Voice.Web.Sla;

/// <summary>
/// Keeps one Quartz job per case whose SLA clock runs, with a trigger per pending alert (75 % warning and breach
/// of each open target). Every case change replaces the case's triggers, so a resolution, a pause or a new
/// severity cancels or moves them; alerts already sent (see <see cref="SlaAlertRecord"/>) are not scheduled again.
/// </summary>
public sealed partial class SlaScheduler(ISchedulerFactory schedulers, DeskRules rules, IServiceScopeFactory scopes, TimeProvider time, ILogger<SlaScheduler> logger) : ICaseWatcher
{
    public const string Group = "sla";
    public const string CaseKey = "case";
    public const string KindKey = "kind";
    public const string LevelKey = "level";
    public const string DueKey = "dueUtcTicks";
    public const string DueOffsetKey = "dueOffsetMinutes";

    public static JobKey JobFor(long number) => new("case-" + number.ToString(CultureInfo.InvariantCulture), Group);

    public Task CaseChangedAsync(SupportCase supportCase, CancellationToken cancellationToken) => ScheduleAsync(supportCase, cancellationToken);

    public async Task ScheduleAsync(SupportCase supportCase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(supportCase);
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var jobKey = JobFor(supportCase.Number);
        await scheduler.DeleteJob(jobKey, cancellationToken).ConfigureAwait(false);

        var planned = supportCase.PlannedSlaAlerts(rules);
        if (planned.Count == 0)
        {
            return;
        }

        var sent = await SentAsync(supportCase.Number, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var triggers = new List<ITrigger>(planned.Count);
        foreach (var alert in planned)
        {
            if (sent.Contains((alert.Kind, alert.Level, alert.Due.UtcTicks)))
            {
                continue;
            }

            triggers.Add(TriggerBuilder.Create()
                .WithIdentity($"{jobKey.Name}-{alert.Kind}-{alert.Level}", Group)
                .ForJob(jobKey)
                // A deadline that passed while the service was down fires, once, as soon as it is back. Starting
                // such a trigger now rather than in the past keeps Quartz's misfire handling (on its own clock) out of it.
                .StartAt(alert.FireAt > now ? alert.FireAt : now)
                .UsingJobData(KindKey, alert.Kind.ToString())
                .UsingJobData(LevelKey, alert.Level.ToString())
                .UsingJobData(DueKey, alert.Due.UtcTicks)
                .UsingJobData(DueOffsetKey, (int)alert.Due.Offset.TotalMinutes)
                .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
                .Build());
        }

        if (triggers.Count == 0)
        {
            return;
        }

        var job = JobBuilder.Create<SlaAlertJob>().WithIdentity(jobKey).UsingJobData(CaseKey, supportCase.Number).Build();
        await scheduler.ScheduleJob(job, triggers, ScheduleJobOptions.Replacing, cancellationToken).ConfigureAwait(false);
        Scheduled(logger, supportCase.Number, triggers.Count);
    }

    private async Task<HashSet<(SlaAlertKind, SlaAlertLevel, long)>> SentAsync(long number, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DeskDbContext>();
        var records = await db.SlaAlerts.AsNoTracking().Where(a => a.CaseNumber == number).Select(a => new { a.Kind, a.Level, a.DueUtcTicks }).ToListAsync(cancellationToken).ConfigureAwait(false);
        return records.Select(r => (r.Kind, r.Level, r.DueUtcTicks)).ToHashSet();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Case {Number}: {Count} SLA alerts scheduled")]
    private static partial void Scheduled(ILogger logger, long number, int count);
}
