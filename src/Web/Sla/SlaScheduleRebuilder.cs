using CallMyWay.Voice.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CallMyWay.Voice.Web.Sla;

/// <summary>
/// On start, schedules the alerts of every case whose SLA clock runs. Quartz keeps its triggers in memory; the
/// cases and the sent-alert records in the database are the durable truth it is rebuilt from.
/// </summary>
public sealed class SlaScheduleRebuilder(IServiceScopeFactory scopes, SlaScheduler scheduler, ILogger<SlaScheduleRebuilder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DeskDbContext>();
        var running = await db.Cases.AsNoTracking().Where(c => c.SlaRunningSince != null).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var supportCase in running)
        {
            await scheduler.ScheduleAsync(supportCase, cancellationToken).ConfigureAwait(false);
        }

        logger.LogInformation("SLA alerts rebuilt for {Count} cases with a running clock", running.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
