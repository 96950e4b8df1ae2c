using CallMyWay.Voice.Domain.Calendar;
using CallMyWay.Voice.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CallMyWay.Voice.Web.Click2Call;

/// <summary>
/// Decides a callback request: limits per client, validation, coalescing, limits per number and on calls up at once,
/// then dial now (open) or schedule for the next opening (closed). Every request leaves one audit entry.
/// </summary>
public sealed partial class Click2CallService(
    DeskDbContext db,
    DestinationPolicy destinations,
    Click2CallLimits limits,
    Click2CallRunner runner,
    IClick2CallScheduler scheduler,
    BusinessCalendar calendar,
    TimeProvider time,
    ILogger<Click2CallService> logger)
{
    public static string ContractName(Click2CallStatus status) => status switch
    {
        Click2CallStatus.Dialing => "dialing",
        Click2CallStatus.Scheduled => "scheduled",
        Click2CallStatus.Answered => "answered",
        Click2CallStatus.Failed => "failed",
        _ => "cancelled",
    };

    public async Task<Click2CallAnswer> RequestAsync(Click2CallRequest request, string clientIp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(clientIp);
        var now = time.GetUtcNow();
        var typed = request.Phone is null ? string.Empty : request.Phone.Length <= 64 ? request.Phone : request.Phone[..64];

        // The client's budget is spent by every request, valid or not: probing for numbers that pass costs the same.
        if (!limits.PerClient.TryAcquire(clientIp, now, out var clientWait))
        {
            return await RefuseAsync(new Click2CallAudit(now, clientIp, typed, null, null, Click2CallDecision.TooManyFromClient, "too many requests from this client", null), "Too many callback requests from your network; try again later.", clientWait, cancellationToken).ConfigureAwait(false);
        }

        var check = destinations.Check(request.Phone);
        if (!check.IsAccepted)
        {
            return await RefuseAsync(new Click2CallAudit(now, clientIp, typed, check.E164, check.Country, check.Decision, check.Reason, null), check.Reason!, null, cancellationToken).ConfigureAwait(false);
        }

        var number = check.E164!;
        await limits.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        Click2CallCallback callback;
        try
        {
            var pending = await db.Set<Click2CallCallback>()
                .FirstOrDefaultAsync(c => c.Number == number && (c.Status == Click2CallStatus.Dialing || c.Status == Click2CallStatus.Scheduled), cancellationToken)
                .ConfigureAwait(false);
            if (pending is not null)
            {
                await AuditAsync(new Click2CallAudit(now, clientIp, typed, number, check.Country, Click2CallDecision.Coalesced, null, pending.Id), cancellationToken).ConfigureAwait(false);
                return Click2CallAnswer.Accepted(Click2CallDecision.Coalesced, pending);
            }

            var open = calendar.IsOpen(now);
            if (open && !limits.Calls.HasRoom)
            {
                return await RefuseAsync(new Click2CallAudit(now, clientIp, typed, number, check.Country, Click2CallDecision.TooManyCalls, "all callback lines busy", null), "All our lines are busy; try again in a minute.", Click2CallRunner.SlotWait, cancellationToken).ConfigureAwait(false);
            }

            if (!limits.PerNumber.TryAcquire(number, now, out var numberWait))
            {
                return await RefuseAsync(new Click2CallAudit(now, clientIp, typed, number, check.Country, Click2CallDecision.TooManyForNumber, "too many callbacks to this number", null), "This number has had enough callbacks for today; try again later.", numberWait, cancellationToken).ConfigureAwait(false);
            }

            callback = new Click2CallCallback(Click2CallCallback.NewId(), number, check.Country!, check.Did!.E164, Trimmed(request.Name, 100), Trimmed(request.Reason, 500), now);
            if (!open)
            {
                callback.ScheduleAt(calendar.CurrentOrNextOpen(now));
            }

            db.Add(callback);
            db.Add(new Click2CallAudit(now, clientIp, typed, number, check.Country, open ? Click2CallDecision.Dialing : Click2CallDecision.Scheduled, null, callback.Id));
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            limits.Gate.Release();
        }

        if (callback.Status == Click2CallStatus.Scheduled)
        {
            await scheduler.ScheduleAsync(callback.Id, callback.ScheduledFor!.Value, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            runner.Start(callback.Id);
        }

        Accepted(logger, callback.Id, number, ContractName(callback.Status), callback.ScheduledFor);
        return Click2CallAnswer.Accepted(callback.Status == Click2CallStatus.Scheduled ? Click2CallDecision.Scheduled : Click2CallDecision.Dialing, callback);
    }

    public async Task<Click2CallCancellation> CancelAsync(string id, string clientIp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(clientIp);
        var callback = await FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (callback is null)
        {
            return Click2CallCancellation.NotFound;
        }

        if (!callback.TryCancel())
        {
            return Click2CallCancellation.TooLate;
        }

        db.Add(new Click2CallAudit(time.GetUtcNow(), clientIp, callback.Number, callback.Number, callback.Country, Click2CallDecision.Cancelled, null, callback.Id));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await scheduler.CancelAsync(callback.Id, cancellationToken).ConfigureAwait(false);
        return Click2CallCancellation.Cancelled;
    }

    public Task<Click2CallCallback?> FindAsync(string id, CancellationToken cancellationToken) =>
        id.Length > 32 ? Task.FromResult<Click2CallCallback?>(null) : db.Set<Click2CallCallback>().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);

    private async Task<Click2CallAnswer> RefuseAsync(Click2CallAudit audit, string detail, TimeSpan? retryAfter, CancellationToken cancellationToken)
    {
        await AuditAsync(audit, cancellationToken).ConfigureAwait(false);
        Refused(logger, audit.ClientIp, audit.Number ?? audit.Phone, audit.Decision);
        return Click2CallAnswer.Refused(audit.Decision, detail, retryAfter);
    }

    private async Task AuditAsync(Click2CallAudit audit, CancellationToken cancellationToken)
    {
        db.Add(audit);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string? Trimmed(string? text, int max)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        return trimmed.Length <= max ? trimmed : trimmed[..max];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Callback {CallbackId} to {Number}: {Status} {ScheduledFor}")]
    private static partial void Accepted(ILogger logger, string callbackId, string number, string status, DateTimeOffset? scheduledFor);

    [LoggerMessage(Level = LogLevel.Information, Message = "Callback request from {ClientIp} for {Number} refused: {Decision}")]
    private static partial void Refused(ILogger logger, string clientIp, string number, Click2CallDecision decision);
}
