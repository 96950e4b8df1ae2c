using CallMyWay.Voice.Domain.Application;

namespace CallMyWay.Voice.Web.Calls;

/// <summary>Every few seconds, writes the cases waiting in the IVR outbox once the database answers again.</summary>
public sealed partial class OutboxReplayer(FileIvrOutbox outbox, IServiceScopeFactory scopes, TimeProvider time, ILogger<OutboxReplayer> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            if (outbox.Pending == 0)
            {
                continue;
            }

            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var opened = await outbox.ReplayAsync(scope.ServiceProvider.GetRequiredService<CaseService>(), stoppingToken).ConfigureAwait(false);
                Replayed(logger, opened);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                StillDown(logger, outbox.Pending, ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "IVR outbox: {Count} cases written to the database")]
    private static partial void Replayed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "IVR outbox: {Count} cases still waiting for the database ({Reason})")]
    private static partial void StillDown(ILogger logger, int count, string reason);
}
