using CallMyWay.Voice.Telephony.Sip.UserAgent.Outbound;
using CallMyWay.Voice.Web.Click2Call;

namespace CallMyWay.Voice.Web.Tests.Click2Call;

public sealed class Click2CallRetryTests
{
    private const string Mexico = "+52 55 1234 5678";

    [Fact]
    public async Task Busy_and_unanswered_attempts_retry_two_minutes_apart_then_give_up_after_three()
    {
        await using var desk = new Click2CallFixture(Click2CallFixture.OpenTime);
        desk.Dialer.Then(OutboundCallOutcome.Busy, 486);
        desk.Dialer.Then(OutboundCallOutcome.NoAnswer, 487);
        desk.Dialer.Then(OutboundCallOutcome.Failed, 503);
        var id = (await desk.RequestAsync(Mexico)).Callback!.Id;

        for (var retry = 1; retry <= 2; retry++)
        {
            var callback = await desk.CallbackAsync(id);
            Assert.Equal(Click2CallStatus.Scheduled, callback.Status);
            Assert.Equal(desk.Time.GetUtcNow() + TimeSpan.FromMinutes(2), desk.Scheduler.Triggers[id]);
            desk.Time.Advance(TimeSpan.FromMinutes(2));
            await desk.FireAsync(id);
        }

        var final = await desk.CallbackAsync(id);
        Assert.Equal(Click2CallStatus.Failed, final.Status);
        Assert.Null(final.ScheduledFor);
        Assert.Equal(
            [(1, OutboundCallOutcome.Busy, 486), (2, OutboundCallOutcome.NoAnswer, 487), (3, OutboundCallOutcome.Failed, 503)],
            final.Attempts.Select(a => (a.Number, a.Outcome, a.StatusCode)));
        Assert.Equal([1, 2, 3], desk.Dialer.Dials.Select(d => d.Attempt));
    }

    [Fact]
    public async Task A_retry_answered_ends_the_callback_as_answered()
    {
        await using var desk = new Click2CallFixture(Click2CallFixture.OpenTime);
        desk.Dialer.Then(OutboundCallOutcome.NoAnswer, 487);
        var id = (await desk.RequestAsync(Mexico)).Callback!.Id;

        desk.Time.Advance(TimeSpan.FromMinutes(2));
        await desk.FireAsync(id);

        var callback = await desk.CallbackAsync(id);
        Assert.Equal(Click2CallStatus.Answered, callback.Status);
        Assert.Equal([OutboundCallOutcome.NoAnswer, OutboundCallOutcome.Answered], callback.Attempts.Select(a => a.Outcome));
    }

    [Theory]
    [InlineData(603)]
    [InlineData(404)]
    [InlineData(403)]
    public async Task A_definitive_refusal_is_not_retried(int status)
    {
        await using var desk = new Click2CallFixture(Click2CallFixture.OpenTime);
        desk.Dialer.Then(OutboundCallOutcome.Rejected, status);

        var id = (await desk.RequestAsync(Mexico)).Callback!.Id;

        Assert.Equal(Click2CallStatus.Failed, (await desk.CallbackAsync(id)).Status);
        Assert.Empty(desk.Scheduler.Triggers);
    }

    [Fact]
    public async Task A_temporary_refusal_is_retried()
    {
        await using var desk = new Click2CallFixture(Click2CallFixture.OpenTime);
        desk.Dialer.Then(OutboundCallOutcome.Rejected, 480);

        var id = (await desk.RequestAsync(Mexico)).Callback!.Id;

        Assert.Equal(Click2CallStatus.Scheduled, (await desk.CallbackAsync(id)).Status);
    }

    [Fact]
    public async Task A_retry_that_would_fall_after_closing_waits_for_the_next_opening()
    {
        await using var desk = new Click2CallFixture(new DateTimeOffset(2026, 12, 2, 20, 59, 0, TimeSpan.FromHours(-6)));
        desk.Dialer.Then(OutboundCallOutcome.Busy, 486);

        var id = (await desk.RequestAsync(Mexico)).Callback!.Id;

        Assert.Equal(new DateTimeOffset(2026, 12, 3, 6, 0, 0, TimeSpan.FromHours(-6)), desk.Scheduler.Triggers[id]);
    }

    [Fact]
    public async Task On_start_pending_callbacks_are_scheduled_again_and_interrupted_dials_retried_at_once()
    {
        await using var desk = new Click2CallFixture(Click2CallFixture.ClosedTime);
        var opening = new DateTimeOffset(2026, 12, 3, 6, 0, 0, TimeSpan.FromHours(-6));
        var scheduled = new Click2CallCallback("scheduled-one", "+525512345678", "MX", "+525541708422", null, null, Click2CallFixture.ClosedTime);
        scheduled.ScheduleAt(opening);
        var interrupted = new Click2CallCallback("interrupted-one", "+12015550123", "US", "+13056445535", null, null, Click2CallFixture.ClosedTime);
        var cancelled = new Click2CallCallback("cancelled-one", "+50683123456", "CR", "+50640004000", null, null, Click2CallFixture.ClosedTime);
        cancelled.ScheduleAt(opening);
        cancelled.TryCancel();
        await desk.AddAsync(scheduled);
        await desk.AddAsync(interrupted);
        await desk.AddAsync(cancelled);

        await desk.Rebuilder.StartAsync(CancellationToken.None);

        Assert.Equal(2, desk.Scheduler.Triggers.Count);
        Assert.Equal(opening, desk.Scheduler.Triggers["scheduled-one"]);
        Assert.Equal(Click2CallFixture.ClosedTime, desk.Scheduler.Triggers["interrupted-one"]);
        Assert.Equal(Click2CallStatus.Scheduled, (await desk.CallbackAsync("interrupted-one")).Status);
    }
}
