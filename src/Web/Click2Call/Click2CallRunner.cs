using CallMyWay.Voice.Domain.Calendar;
using CallMyWay.Voice.Domain.Numbers;
using CallMyWay.Voice.Telephony.Sip.UserAgent.Outbound;
using CallMyWay.Voice.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CallMyWay.Voice.Web.Click2Call;

/// <summary>
/// Runs a callback's attempts: takes a call slot, dials through <see cref="IClick2CallDialer"/>, records the attempt,
/// and either keeps the answered call going to its end, sets the next attempt by the retry policy, or gives up.
/// </summary>
/// <remarks>
/// Attempts run on background tasks so that the HTTP request and the Quartz job that start them return at once; the
/// callback row is re-read at each step because the visitor may cancel it in between.
/// </remarks>
public sealed partial class Click2CallRunner(
    IServiceScopeFactory scopes,
    IClick2CallDialer dialer,
    IClick2CallScheduler scheduler,
    Click2CallLimits limits,
    Click2CallRetryPolicy retries,
    BusinessCalendar calendar,
    NumberPlan plan,
    TimeProvider time,
    ILogger<Click2CallRunner> logger) : IDisposable
{
    /// <summary>When all call slots are taken at the time of an attempt, it is tried again this much later (no attempt is counted).</summary>
    public static readonly TimeSpan SlotWait = TimeSpan.FromMinutes(1);

    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private readonly HashSet<Task> _running = [];

    /// <summary>Attempts running in the background (tests await them).</summary>
    public Task Idle
    {
        get
        {
            lock (_gate)
            {
                return Task.WhenAll(_running);
            }
        }
    }

    /// <summary>Starts the next attempt of a callback in the background.</summary>
    public void Start(string callbackId)
    {
        var task = Task.Run(() => RunAttemptAsync(callbackId, _stopping.Token));
        lock (_gate)
        {
            _running.Add(task);
        }

        _ = task.ContinueWith(
            t =>
            {
                lock (_gate)
                {
                    _running.Remove(t);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>One attempt, from the slot to the record; for an answered call, returns when the call has ended.</summary>
    public async Task RunAttemptAsync(string callbackId, CancellationToken cancellationToken)
    {
        try
        {
            await RunAsync(callbackId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            AttemptCrashed(logger, ex, callbackId);
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private async Task RunAsync(string callbackId, CancellationToken cancellationToken)
    {
        Click2CallDial dial;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DeskDbContext>();
            var callback = await db.Set<Click2CallCallback>().SingleOrDefaultAsync(c => c.Id == callbackId, cancellationToken).ConfigureAwait(false);
            if (callback is null || !callback.IsPending)
            {
                // Cancelled, answered or given up after the trigger was set.
                return;
            }

            var now = time.GetUtcNow();
            if (!calendar.IsOpen(now))
            {
                // The hours changed (configuration, a holiday) after the callback was scheduled.
                await RescheduleAsync(db, callback, calendar.CurrentOrNextOpen(now), cancellationToken).ConfigureAwait(false);
                return;
            }

            var did = plan.Find(callback.Did);
            if (did is null)
            {
                callback.GiveUp();
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                NoDid(logger, callbackId, callback.Did);
                return;
            }

            if (!limits.Calls.TryTake())
            {
                await RescheduleAsync(db, callback, now + SlotWait, cancellationToken).ConfigureAwait(false);
                return;
            }

            callback.StartDialing();
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            dial = new Click2CallDial(callback.Id, callback.Number, did, callback.Attempts.Count + 1);
        }

        try
        {
            await DialAsync(dial, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            limits.Calls.Release();
        }
    }

    private async Task DialAsync(Click2CallDial dial, CancellationToken cancellationToken)
    {
        Click2CallDialResult result;
        try
        {
            result = await dialer.DialAsync(dial, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            result = new Click2CallDialResult(OutboundCallOutcome.Failed, 0, Shorten(ex.Message), null);
        }

        if (result.Outcome == OutboundCallOutcome.Cancelled && cancellationToken.IsCancellationRequested)
        {
            // The service is stopping: the callback stays "dialing" and the rebuilder tries it again on the next start.
            return;
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DeskDbContext>();
            var callback = await db.Set<Click2CallCallback>().SingleAsync(c => c.Id == dial.CallbackId, CancellationToken.None).ConfigureAwait(false);
            var now = time.GetUtcNow();
            callback.RecordAttempt(now, result.Outcome, result.StatusCode, Shorten(result.Detail), result.CallId);
            AttemptEnded(logger, dial.CallbackId, dial.Attempt, result.Outcome, result.StatusCode, result.Detail);
            if (result.Outcome != OutboundCallOutcome.Answered)
            {
                var next = retries.NextAttempt(callback.Attempts.Count, result.Outcome, result.StatusCode, now);
                if (next is { } at)
                {
                    await RescheduleAsync(db, callback, at, CancellationToken.None).ConfigureAwait(false);
                    return;
                }

                callback.GiveUp();
                GaveUp(logger, dial.CallbackId, callback.Attempts.Count);
            }

            await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
        }

        try
        {
            await result.Conversation.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The call ended while the application ran.
        }
    }

    private async Task RescheduleAsync(DeskDbContext db, Click2CallCallback callback, DateTimeOffset at, CancellationToken cancellationToken)
    {
        callback.ScheduleAt(at);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await scheduler.ScheduleAsync(callback.Id, at, cancellationToken).ConfigureAwait(false);
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200];

    [LoggerMessage(Level = LogLevel.Information, Message = "Callback {CallbackId}: attempt {Attempt} {Outcome} {Status} {Detail}")]
    private static partial void AttemptEnded(ILogger logger, string callbackId, int attempt, OutboundCallOutcome outcome, int status, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Callback {CallbackId}: given up after {Attempts} attempts")]
    private static partial void GaveUp(ILogger logger, string callbackId, int attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Callback {CallbackId}: the desk number {Did} is no longer in the numbers file; given up")]
    private static partial void NoDid(ILogger logger, string callbackId, string did);

    [LoggerMessage(Level = LogLevel.Error, Message = "Callback {CallbackId}: the attempt failed unexpectedly")]
    private static partial void AttemptCrashed(ILogger logger, Exception exception, string callbackId);
}
