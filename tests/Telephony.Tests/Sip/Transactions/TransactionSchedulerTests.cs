using CallMyWay.Voice.Telephony.Sip.Transactions;
using Microsoft.Extensions.Time.Testing;

namespace CallMyWay.Voice.Telephony.Tests.Sip.Transactions;

public sealed class TransactionSchedulerTests
{
    [Fact]
    public void Callbacks_run_at_their_deadlines_in_deadline_order()
    {
        var time = new FakeTimeProvider();
        using var scheduler = new TransactionScheduler(time);
        var start = time.GetUtcNow();
        var fired = new List<(string Name, TimeSpan At)>();
        scheduler.Schedule(TimeSpan.FromSeconds(2), () => fired.Add(("b", time.GetUtcNow() - start)));
        scheduler.Schedule(TimeSpan.FromMilliseconds(500), () => fired.Add(("a", time.GetUtcNow() - start)));
        scheduler.Schedule(TimeSpan.FromSeconds(32), () => fired.Add(("c", time.GetUtcNow() - start)));

        time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.Empty(fired);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal([("a", TimeSpan.FromMilliseconds(500))], fired);

        time.Run(TimeSpan.FromSeconds(40));

        Assert.Equal(
            [("a", TimeSpan.FromMilliseconds(500)), ("b", TimeSpan.FromSeconds(2)), ("c", TimeSpan.FromSeconds(32))],
            fired);
        Assert.Equal(0, scheduler.Count);
    }

    [Fact]
    public void A_static_callback_gets_its_argument_once_and_a_cancelled_one_never()
    {
        var time = new FakeTimeProvider();
        using var scheduler = new TransactionScheduler(time);
        var fired = new List<string>();
        scheduler.Schedule(TimeSpan.FromSeconds(1), static state => ((List<string>)state!).Add("due"), fired);
        var cancelled = scheduler.Schedule(TimeSpan.FromSeconds(1), static state => ((List<string>)state!).Add("cancelled"), fired);

        Assert.True(cancelled.Cancel());
        time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(["due"], fired);
        Assert.Equal(0, scheduler.Count);
    }

    [Fact]
    public void Cancelled_callback_never_runs()
    {
        var time = new FakeTimeProvider();
        using var scheduler = new TransactionScheduler(time);
        var ran = false;
        var entry = scheduler.Schedule(TimeSpan.FromSeconds(1), () => ran = true);

        Assert.True(entry.Cancel());
        Assert.False(entry.Cancel());
        time.Advance(TimeSpan.FromSeconds(5));

        Assert.False(ran);
        Assert.Equal(0, scheduler.Count);
    }

    [Fact]
    public void A_callback_can_schedule_the_next_one()
    {
        var time = new FakeTimeProvider();
        using var scheduler = new TransactionScheduler(time);
        var start = time.GetUtcNow();
        var at = new List<double>();
        var interval = TimeSpan.FromMilliseconds(500);

        void Tick()
        {
            at.Add((time.GetUtcNow() - start).TotalSeconds);
            interval *= 2;
            if (at.Count < 4)
            {
                scheduler.Schedule(interval, Tick);
            }
        }

        scheduler.Schedule(interval, Tick);
        time.RunSeconds(60);

        Assert.Equal([0.5, 1.5, 3.5, 7.5], at);
    }

    [Fact]
    public void Many_callbacks_share_one_timer()
    {
        var time = new CountingTimeProvider();
        using var scheduler = new TransactionScheduler(time);
        var ran = 0;
        for (var i = 0; i < 10_000; i++)
        {
            scheduler.Schedule(TimeSpan.FromMilliseconds(1 + (i % 700)), () => Interlocked.Increment(ref ran));
        }

        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(10_000, ran);
        Assert.Equal(1, time.TimersCreated);
    }

    [Fact]
    public void Cancelling_most_entries_compacts_the_queue_and_keeps_the_rest()
    {
        var time = new FakeTimeProvider();
        using var scheduler = new TransactionScheduler(time);
        var ran = 0;
        var entries = new List<ScheduledCallback>();
        for (var i = 0; i < 1000; i++)
        {
            entries.Add(scheduler.Schedule(TimeSpan.FromSeconds(30), () => ran++));
        }

        for (var i = 0; i < 900; i++)
        {
            entries[i].Cancel();
        }

        Assert.Equal(100, scheduler.Count);
        time.Advance(TimeSpan.FromSeconds(31));

        Assert.Equal(100, ran);
        Assert.Equal(0, scheduler.Count);
    }

    [Fact]
    public void A_throwing_callback_is_counted_and_does_not_stop_the_others()
    {
        var time = new FakeTimeProvider();
        using var scheduler = new TransactionScheduler(time);
        var ran = false;
        scheduler.Schedule(TimeSpan.FromSeconds(1), () => throw new InvalidOperationException("bug"));
        scheduler.Schedule(TimeSpan.FromSeconds(1), () => ran = true);

        time.Advance(TimeSpan.FromSeconds(1));

        Assert.True(ran);
        Assert.Equal(1, scheduler.Failures);
    }

    [Fact]
    public void Nothing_runs_after_dispose()
    {
        var time = new FakeTimeProvider();
        var scheduler = new TransactionScheduler(time);
        var ran = false;
        scheduler.Schedule(TimeSpan.FromSeconds(1), () => ran = true);

        scheduler.Dispose();
        time.Advance(TimeSpan.FromSeconds(2));

        Assert.False(ran);
    }

    private sealed class CountingTimeProvider : FakeTimeProvider
    {
        public int TimersCreated { get; private set; }

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            TimersCreated++;
            return base.CreateTimer(callback, state, dueTime, period);
        }
    }
}
