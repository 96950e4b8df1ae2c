using CallMyWay.Voice.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CallMyWay.Voice.Web.Click2Call;

/// <summary>
/// On start, sets the trigger of every pending callback again: Quartz keeps its triggers in memory, the callback table
/// is the durable truth. A callback left "dialing" by a stop in the middle of an attempt is tried again at once.
/// </summary>
public sealed partial class Click2CallScheduleRebuilder(IServiceScopeFactory scopes, IClick2CallScheduler scheduler, TimeProvider time, ILogger<Click2CallScheduleRebuilder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DeskDbContext>();
        var pending = await db.Set<Click2CallCallback>()
            .Where(c => c.Status == Click2CallStatus.Scheduled || c.Status == Click2CallStatus.Dialing)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        foreach (var callback in pending)
        {
            if (callback.Status == Click2CallStatus.Dialing)
            {
                callback.ScheduleAt(now);
            }
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        foreach (var callback in pending)
        {
            await scheduler.ScheduleAsync(callback.Id, callback.ScheduledFor ?? now, cancellationToken).ConfigureAwait(false);
        }

        Rebuilt(logger, pending.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Click2Call: {Count} pending callbacks scheduled again")]
    private static partial void Rebuilt(ILogger logger, int count);
}
