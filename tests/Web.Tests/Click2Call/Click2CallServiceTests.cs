using CallMyWay.Voice.Telephony.Sip.UserAgent.Outbound;
using CallMyWay.Voice.Web.Click2Call;

namespace CallMyWay.Voice.Web.Tests.Click2Call;

public sealed class Click2CallServiceTests
{
    private const string Mexico = "+52 55 1234 5678";

    [Fact]
    public async Task Open_hours_request_dials_now_from_the_DID_of_the_callers_country_and_is_audited()
    {
        await using var desk = new Click2CallFixture(Click2CallFixture.OpenTime);

        var answer = await desk.RequestAsync(Mexico);

        Assert.Equal(202, answer.StatusCode);
        Assert.Equal("dialing", answer.Callback!.Status);
        Assert.Null(answer.Callback.ScheduledFor);
        var dial = Assert.Single(desk.Dialer.Dials);
        Assert.Equal("+525512345678", dial.Number);
        Assert.Equal("+525541708422", dial.Did.E164);
        var callback = await desk.CallbackAsync(answer.Callback.Id);
        Assert.Equal(Click2CallStatus.Answered, callback.Status);
        Assert.Equal(OutboundCallOutcome.Answered, Assert.Single(callback.Attempts).Outcome);
        var audit = Assert.Single(await desk.AuditAsync());
        Assert.Equal(("203.0.113.7", "+525512345678", Click2CallDecision.Dialing, answer.Callback.Id), (audit.ClientIp, audit.Number, audit.Decision, audit.CallbackId));
        Assert.Equal(Click2CallFixture.OpenTime, audit.At);
    }

    [Fact]
    public async Task Callback_ids_are_unguessable_tokens()
    {
        await using var desk = new Click2CallFixture(Click2CallFixture.ClosedTime);

        var first = await desk.RequestAsync(Mexico);
        var second = await desk.RequestAsync("+1 201 555 0123");

        Assert.Equal(22, first.Callback!.Id.Length);
        Assert.NotEqual(first.Callback.Id, second.Callback!.Id);
    }

    [Fact]
    public async Task Refusals_are_audited_with_their_decision_and_reason()
    {
        await using var desk = new Click2CallFixture(Click2CallFixture.OpenTime);

        var premium = await desk.RequestAsync("+1 900 234 5678");
        var foreign = await desk.RequestAsync("+44 20 7946 0958");
        var garbage = await desk.RequestAsync("call me maybe");

        Assert.Equal((400, Click2CallDecision.TypeRefused), (premium.StatusCode, premium.Decision));
        Assert.Equal((403, Click2CallDecision.CountryNotServed), (foreign.StatusCode, foreign.Decision));
        Assert.Equal((400, Click2CallDecision.InvalidNumber), (garbage.StatusCode, garbage.Decision));
        Assert.Empty(desk.Dialer.Dials);
        var audit = await desk.AuditAsync();
        Assert.Equal([Click2CallDecision.TypeRefused, Click2CallDecision.CountryNotServed, Click2CallDecision.InvalidNumber], audit.Select(a => a.Decision));
        Assert.Equal(["+19002345678", "+442079460958", null], audit.Select(a => a.Number));
        Assert.Equal("call me maybe", audit[2].Phone);
        Assert.All(audit, a => Assert.False(string.IsNullOrEmpty(a.Reason)));
    }

    [Fact]
    public async Task A_client_IP_gets_five_requests_an_hour_then_429_with_the_wait()
    {
        await using var desk = new Click2CallFixture(Click2CallFixture.OpenTime);
        string[] numbers = ["+52 55 1234 5671", "+52 55 1234 5672", "+52 55 1234 5673", "+52 55 1234 5674", "+52 55 1234 5675"];
        foreach (var number in numbers)
        {
            Assert.Equal(202, (await desk.RequestAsync(number)).StatusCode);
            desk.Time.Advance(TimeSpan.FromMinutes(1));
        }

        var sixth = await desk.RequestAsync("+52 55 1234 5676");
        var otherClient = await desk.RequestAsync("+52 55 1234 5676", ip: "198.51.100.9");

        Assert.Equal((429, Click2CallDecision.TooManyFromClient), (sixth.StatusCode, sixth.Decision));
        Assert.Equal(TimeSpan.FromMinutes(55), sixth.RetryAfter);
        Assert.Equal(202, otherClient.StatusCode);

        desk.Time.Advance(TimeSpan.FromMinutes(55));
        Assert.Equal(202, (await desk.RequestAsync("+52 55 1234 5677")).StatusCode);
        Assert.Equal(Click2CallDecision.TooManyFromClient, (await desk.AuditAsync())[5].Decision);
    }

    [Fact]
    public async Task A_number_gets_three_callbacks_a_day_whatever_the_client()
    {
        await using var desk = new Click2CallFixture(Click2CallFixture.OpenTime);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(202, (await desk.RequestAsync(Mexico, ip: $"198.51.100.{i}")).StatusCode);
            desk.Time.Advance(TimeSpan.FromHours(1));
        }

        var fourth = await desk.RequestAsync("5512345678", ip: "198.51.100.50");

        Assert.Equal((429, Click2CallDecision.TooManyForNumber), (fourth.StatusCode, fourth.Decision));
        Assert.Equal(TimeSpan.FromHours(21), fourth.RetryAfter);
        Assert.Equal(3, desk.Dialer.Dials.Count);
    }

    [Fact]
    public async Task Repeated_requests_for_a_pending_number_coalesce_into_one_callback()
    {
        await using var desk = new Click2CallFixture(Click2CallFixture.ClosedTime);

        var first = await desk.RequestAsync(Mexico, ip: "198.51.100.1");
        var again = await desk.RequestAsync("+525512345678", ip: "198.51.100.2");
        var third = await desk.RequestAsync("55-1234-5678", ip: "198.51.100.1");

        Assert.Equal(first.Callback!.Id, again.Callback!.Id);
        Assert.Equal(first.Callback.Id, third.Callback!.Id);
        Assert.Equal(Click2CallDecision.Coalesced, again.Decision);
        Assert.Single(desk.Scheduler.Triggers);
        Assert.Equal([Click2CallDecision.Scheduled, Click2CallDecision.Coalesced, Click2CallDecision.Coalesced], (await desk.AuditAsync()).Select(a => a.Decision));

        // Coalesced requests do not spend the number's budget: two more callbacks remain after this one.
        Assert.True(desk.Limits.PerNumber.HasPermit("+525512345678", desk.Time.GetUtcNow(), out _));
    }

    [Fact]
    public async Task Calls_beyond_the_cap_are_refused_with_429_until_a_call_ends()
    {
        await using var desk = new Click2CallFixture(Click2CallFixture.OpenTime, new Click2CallOptions { MaxConcurrentCalls = 1 });
        var conversation = new TaskCompletionSource();
        desk.Dialer.Conversation = conversation.Task;
        var busyRunner = desk.RequestAsync(Mexico);

        await WaitUntil(() => desk.Limits.Calls.InUse == 1 && !desk.Dialer.Dials.IsEmpty);
        var refused = await desk.RequestAsync("+1 201 555 0123", waitForAttempts: false);
        conversation.SetResult();
        await busyRunner;
        var accepted = await desk.RequestAsync("+1 201 555 0123");

        Assert.Equal((429, Click2CallDecision.TooManyCalls), (refused.StatusCode, refused.Decision));
        Assert.Equal(Click2CallRunner.SlotWait, refused.RetryAfter);
        Assert.Equal(202, accepted.StatusCode);
        Assert.Equal(0, desk.Limits.Calls.InUse);
    }

    [Fact]
    public async Task Closed_hours_schedule_the_callback_at_the_next_opening()
    {
        await using var desk = new Click2CallFixture(Click2CallFixture.ClosedTime);

        var answer = await desk.RequestAsync(Mexico);

        var opening = new DateTimeOffset(2026, 12, 3, 6, 0, 0, TimeSpan.FromHours(-6));
        Assert.Equal(("scheduled", opening), (answer.Callback!.Status, answer.Callback.ScheduledFor));
        Assert.Equal(opening, desk.Scheduler.Triggers[answer.Callback.Id]);
        Assert.Empty(desk.Dialer.Dials);

        desk.Time.SetUtcNow(opening);
        await desk.FireAsync(answer.Callback.Id);

        Assert.Single(desk.Dialer.Dials);
        Assert.Equal(Click2CallStatus.Answered, (await desk.CallbackAsync(answer.Callback.Id)).Status);
    }

    [Fact]
    public async Task A_cancelled_callback_is_not_dialled_when_its_trigger_fires()
    {
        await using var desk = new Click2CallFixture(Click2CallFixture.ClosedTime);
        var id = (await desk.RequestAsync(Mexico)).Callback!.Id;

        Assert.Equal(Click2CallCancellation.Cancelled, await desk.CancelAsync(id));
        Assert.Equal(Click2CallCancellation.Cancelled, await desk.CancelAsync(id));
        Assert.Equal(Click2CallCancellation.NotFound, await desk.CancelAsync("not-a-real-id"));
        Assert.Empty(desk.Scheduler.Triggers);

        desk.Time.Advance(TimeSpan.FromHours(8));
        await desk.FireAsync(id);

        Assert.Empty(desk.Dialer.Dials);
        Assert.Equal(Click2CallStatus.Cancelled, (await desk.CallbackAsync(id)).Status);
        Assert.Equal(Click2CallDecision.Cancelled, (await desk.AuditAsync())[^1].Decision);
    }

    [Fact]
    public async Task A_callback_being_dialled_or_over_cannot_be_cancelled()
    {
        await using var desk = new Click2CallFixture(Click2CallFixture.OpenTime);
        var id = (await desk.RequestAsync(Mexico)).Callback!.Id;

        Assert.Equal(Click2CallCancellation.TooLate, await desk.CancelAsync(id));
    }

    [Fact]
    public async Task A_trigger_that_fires_in_hours_that_closed_meanwhile_moves_to_the_next_opening()
    {
        await using var desk = new Click2CallFixture(Click2CallFixture.ClosedTime);
        var id = (await desk.RequestAsync(Mexico)).Callback!.Id;

        await desk.FireAsync(id);

        Assert.Empty(desk.Dialer.Dials);
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 6, 0, 0, TimeSpan.FromHours(-6)), desk.Scheduler.Triggers[id]);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Yield();
            timeout.Token.ThrowIfCancellationRequested();
        }
    }
}
