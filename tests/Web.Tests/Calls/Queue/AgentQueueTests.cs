using System.Diagnostics;
using CallMyWay.Voice.Web.Calls.Queue;

namespace CallMyWay.Voice.Web.Tests.Calls.Queue;

public sealed class AgentQueueTests
{
    // The queue runs on real time and looks again every second: every wait is bounded well above that.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Call_is_offered_to_the_longest_idle_agent_then_to_the_next_when_the_phone_rings_out()
    {
        var dialer = new FakeAgentPhoneDialer();
        await using var harness = new QueueHarness(dialer, new QueueOptions());
        harness.AgentAvailable("anna@desk.test", "201");
        harness.AgentAvailable("bruno@desk.test", "202");
        var annasPhone = harness.RegisterPhone("201", 5071);
        var brunosPhone = harness.RegisterPhone("202", 5072);
        await harness.StartAsync();
        var call = harness.Caller("call-1", "+33611111111");

        var serving = harness.Queue.ServeAsync(call, "fr", call.Lifetime);

        var first = await dialer.NextPlacedAsync(Patience);
        Assert.Equal(annasPhone.Uri, first.Target);
        Assert.Equal(annasPhone.ReceivedFrom, first.Destination);
        Assert.Equal("+33611111111", first.FromUser);
        await dialer.RingOutNext(Patience);
        var second = await dialer.NextPlacedAsync(Patience);
        Assert.Equal(brunosPhone.Uri, second.Target);
        Assert.Equal(brunosPhone.ReceivedFrom, second.Destination);
        Assert.False(serving.IsCompleted);
        Assert.Equal(1, harness.Queue.Waiting);

        await harness.HangUpCallersAsync();
        Assert.Equal(QueueOutcome.Abandoned, await serving.WaitAsync(Patience));
        Assert.Equal(0, harness.Queue.Waiting);
    }

    [Fact]
    public async Task Caller_times_out_when_no_agent_answers_within_the_maximum_wait()
    {
        var dialer = new FakeAgentPhoneDialer { RingOutAtOnce = true };
        var maxWait = TimeSpan.FromSeconds(2);
        await using var harness = new QueueHarness(dialer, new QueueOptions { MaxWait = maxWait });
        harness.AgentAvailable("anna@desk.test", "201");
        harness.AgentAvailable("bruno@desk.test", "202");
        harness.RegisterPhone("201", 5071);
        harness.RegisterPhone("202", 5072);
        await harness.StartAsync();
        var call = harness.Caller("call-2", "+33622222222");
        var clock = Stopwatch.StartNew();

        var outcome = await harness.Queue.ServeAsync(call, "fr", call.Lifetime).WaitAsync(maxWait + Patience);

        Assert.Equal(QueueOutcome.TimedOut, outcome);
        Assert.True(clock.Elapsed >= maxWait - TimeSpan.FromMilliseconds(100), $"returned after {clock.Elapsed}");
        Assert.Equal(0, harness.Queue.Waiting);
        await dialer.NextPlacedAsync(Patience);
        await dialer.NextPlacedAsync(Patience);
    }

    [Fact]
    public async Task Taking_a_call_needs_a_registered_phone_and_makes_that_phone_ring_next()
    {
        var dialer = new FakeAgentPhoneDialer();
        await using var harness = new QueueHarness(dialer, new QueueOptions());
        harness.AgentAvailable("anna@desk.test", "201");
        harness.AgentAvailable("bruno@desk.test", "202");
        harness.AgentAvailable("chloe@desk.test", "203");
        harness.AgentAvailable("david@desk.test", "204");
        harness.RegisterPhone("201", 5071);
        harness.RegisterPhone("202", 5072);
        var chloesPhone = harness.RegisterPhone("203", 5073);
        await harness.StartAsync();
        var call = harness.Caller("call-3", "+33633333333");
        var serving = harness.Queue.ServeAsync(call, "fr", call.Lifetime);
        var first = await dialer.NextPlacedAsync(Patience);
        Assert.Equal("201", first.Target.User);

        Assert.Equal("Your phone is not registered: register your extension first.", harness.Queue.TakeCall("call-3", "david@desk.test"));
        Assert.Equal("That call is no longer waiting.", harness.Queue.TakeCall("call-unknown", "chloe@desk.test"));
        Assert.Null(harness.Queue.TakeCall("call-3", "chloe@desk.test"));
        await dialer.RingOutNext(Patience);

        // Bruno has been idle longer than Chloe, but Chloe asked for the call.
        var next = await dialer.NextPlacedAsync(Patience);
        Assert.Equal(chloesPhone.Uri, next.Target);
        Assert.Equal(chloesPhone.ReceivedFrom, next.Destination);
        Assert.False(serving.IsCompleted);
    }

    [Fact]
    public async Task Agents_are_available_only_once_an_available_agent_has_a_registered_phone()
    {
        var dialer = new FakeAgentPhoneDialer();
        await using var harness = new QueueHarness(dialer, new QueueOptions());
        harness.AgentAvailable("anna@desk.test", "201");

        Assert.False(harness.Queue.AgentsAvailable);

        harness.RegisterPhone("201", 5071);

        Assert.True(harness.Queue.AgentsAvailable);
    }
}
