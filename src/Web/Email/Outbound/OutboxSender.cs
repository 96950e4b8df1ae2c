using CallMyWay.Voice.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CallMyWay.Voice.Web.Email.Outbound;

/// <summary>
/// Delivers the outbox: takes the due messages, claims them, hands them to the relay, and records each outcome in its
/// own save right after the relay answered. A relay that is down costs a failed attempt and a doubled wait, nothing
/// more; the messages stay queued until it is back.
/// </summary>
public sealed partial class OutboxSender(
    IServiceScopeFactory scopes,
    SmtpRelay relay,
    OutboxSignal signal,
    IOptions<EmailOptions> options,
    TimeProvider time,
    ILogger<OutboxSender> logger) : BackgroundService
{
    private const int BatchSize = 20;

    /// <summary>How long a claimed message is left alone if its sender dies mid-attempt.</summary>
    private static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(5);

    private bool _warnedUnconfigured;
    private long _sleepingUntilTicks;

    /// <summary>While the sender sleeps, until when (<see cref="DateTimeOffset.MaxValue"/>: until mail is queued); null while it works.</summary>
    public DateTimeOffset? SleepingUntil
    {
        get
        {
            var ticks = Interlocked.Read(ref _sleepingUntilTicks);
            return ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            DateTimeOffset? next;
            try
            {
                next = await DeliverDueAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database is unavailable: the mail is safe in it, look again a little later.
                OutboxUnavailable(logger, ex);
                next = time.GetUtcNow() + options.Value.Outbound.FirstRetry;
            }

            try
            {
                await SleepAsync(next, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>One round: sends what is due and says when the next queued message falls due (null: none queued).</summary>
    public async Task<DateTimeOffset?> DeliverDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DeskDbContext>();
        var outbox = db.Set<OutboxEmail>();
        var now = time.GetUtcNow();
        if (!relay.IsConfigured)
        {
            if (!_warnedUnconfigured && await outbox.AnyAsync(m => m.Status == OutboxStatus.Queued, cancellationToken).ConfigureAwait(false))
            {
                _warnedUnconfigured = true;
                RelayNotConfigured(logger);
            }

            return null;
        }

        var due = await outbox
            .Where(m => m.Status == OutboxStatus.Queued && m.NextAttemptUtcTicks <= now.UtcTicks)
            .OrderBy(m => m.NextAttemptUtcTicks)
            .ThenBy(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        if (due.Count > 0)
        {
            foreach (var email in due)
            {
                email.Claim(now + ClaimLease);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another sender claimed some of them first; look again straight away.
                return now;
            }

            await relay.SendAsync(due, new Report(db, options.Value.Outbound, time, logger), cancellationToken).ConfigureAwait(false);
        }

        var next = await outbox
            .Where(m => m.Status == OutboxStatus.Queued)
            .OrderBy(m => m.NextAttemptUtcTicks)
            .Select(m => (long?)m.NextAttemptUtcTicks)
            .FirstOrDefaultAsync(cancellationToken)
            .ConfigureAwait(false);
        return next is null ? null : new DateTimeOffset(next.Value, TimeSpan.Zero);
    }

    /// <summary>Sleeps until <paramref name="until"/> on the injected clock, or until mail is queued.</summary>
    private async Task SleepAsync(DateTimeOffset? until, CancellationToken stoppingToken)
    {
        var wait = until - time.GetUtcNow();
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var delay = wait is { } span ? Task.Delay(span, time, stop.Token) : Task.Delay(Timeout.Infinite, stop.Token);
        var wake = signal.WaitAsync(stop.Token);
        Interlocked.Exchange(ref _sleepingUntilTicks, (until ?? DateTimeOffset.MaxValue).UtcTicks);
        try
        {
            await Task.WhenAny(delay, wake).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Exchange(ref _sleepingUntilTicks, 0);
            await stop.CancelAsync().ConfigureAwait(false);
        }

        stoppingToken.ThrowIfCancellationRequested();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The e-mail outbox could not be read; trying again shortly")]
    private static partial void OutboxUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail is queued but Email:Outbound:Host is not set; it stays in the outbox until a relay is configured")]
    private static partial void RelayNotConfigured(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail {MessageId} to {To} sent (case {CaseNumber}, attempt {Attempt})")]
    private static partial void Sent(ILogger logger, string messageId, string to, long? caseNumber, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail {MessageId} to {To} not sent (attempt {Attempt}): {Error}; next attempt at {NextAttempt}")]
    private static partial void WillRetry(ILogger logger, string messageId, string to, int attempt, string error, DateTimeOffset nextAttempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "E-mail {MessageId} to {To} refused for good by the relay: {Error}")]
    private static partial void Refused(ILogger logger, string messageId, string to, string error);

    /// <summary>
    /// Saves each outcome on its own, so a message the relay took is marked sent before the next is tried. The saves
    /// ignore shutdown: once the relay has answered, forgetting its answer is what would send a message twice.
    /// </summary>
    private sealed class Report(DeskDbContext db, OutboundOptions outbound, TimeProvider time, ILogger logger) : IRelayReport
    {
        public async Task SentAsync(OutboxEmail email, CancellationToken cancellationToken)
        {
            email.MarkSent(time.GetUtcNow());
            await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
            OutboxSender.Sent(logger, email.MessageId, email.ToAddress, email.CaseNumber, email.Attempts);
        }

        public async Task RetryAsync(OutboxEmail email, string error, CancellationToken cancellationToken)
        {
            var next = time.GetUtcNow() + RetrySchedule.After(email.Attempts + 1, outbound.FirstRetry, outbound.MaxRetry);
            email.MarkFailed(error, next);
            await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
            WillRetry(logger, email.MessageId, email.ToAddress, email.Attempts, error, next);
        }

        public async Task UndeliverableAsync(OutboxEmail email, string error, CancellationToken cancellationToken)
        {
            email.MarkUndeliverable(error);
            await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
            Refused(logger, email.MessageId, email.ToAddress, error);
        }

        public async Task ReleaseAsync(OutboxEmail email, CancellationToken cancellationToken)
        {
            email.Release(time.GetUtcNow());
            await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }
}
