using CallMyWay.Voice.Telephony.Media.Engine;
using Microsoft.Extensions.Time.Testing;

namespace CallMyWay.Voice.Telephony.Tests.Media.Engine;

public sealed class MediaClockTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Ticks_are_due_at_start_plus_n_frames_so_lateness_does_not_accumulate()
    {
        using var clock = new MediaClock(_time);
        var stream = new RecordingStream(_time);
        clock.Register(stream);

        Assert.Equal(TimeSpan.FromMilliseconds(20), clock.RunDueTicks());
        _time.Advance(TimeSpan.FromMilliseconds(19));
        Assert.Equal(TimeSpan.FromMilliseconds(1), clock.RunDueTicks());
        _time.Advance(TimeSpan.FromMilliseconds(1.5));
        clock.RunDueTicks();

        // Tick 1 ran 0.5 ms late; tick 2 is still due at 40 ms, not 20 ms after tick 1.
        Assert.Equal(TimeSpan.FromMilliseconds(19.5), clock.RunDueTicks());
        _time.Advance(TimeSpan.FromMilliseconds(19.5));
        clock.RunDueTicks();

        Assert.Equal([0L, 1, 2], stream.Indexes);
        Assert.Equal(
            [TimeSpan.Zero, TimeSpan.FromMilliseconds(20.5), TimeSpan.FromMilliseconds(40)],
            stream.Times);
    }

    [Fact]
    public void A_late_loop_catches_up_at_most_two_frames_and_skips_the_rest()
    {
        using var clock = new MediaClock(_time);
        var stream = new RecordingStream(_time);
        clock.Register(stream);
        clock.RunDueTicks();

        _time.Advance(TimeSpan.FromMilliseconds(100));
        TimeSpan wait = clock.RunDueTicks();

        // Due: ticks 1-5. Ticks 1 and 2 are skipped; 3 and 4 catch up; 5 is on time.
        Assert.Equal([0L, 3, 4, 5], stream.Indexes);
        Assert.Equal(TimeSpan.FromMilliseconds(20), wait);
        MediaClockStatistics statistics = clock.GetStatistics();
        Assert.Equal(4, statistics.Ticks);
        Assert.Equal(2, statistics.SkippedTicks);
        Assert.Equal(2, statistics.CatchUpTicks);
        Assert.Equal(TimeSpan.FromMilliseconds(40), statistics.MaxLateness);
    }

    [Fact]
    public void Statistics_report_lateness_spread_intervals_and_work()
    {
        using var clock = new MediaClock(_time);
        var stream = new RecordingStream(_time) { WorkAtTick = (50, TimeSpan.FromMilliseconds(2)) };
        clock.Register(stream);
        DateTimeOffset start = _time.GetUtcNow();
        clock.RunDueTicks();

        // Ticks 1-98 run 1 ms late, tick 99 runs 5 ms late, tick 0 on time.
        for (int n = 1; n < 100; n++)
        {
            double lateness = n == 99 ? 5 : 1;
            _time.SetUtcNow(start + TimeSpan.FromMilliseconds((n * 20) + lateness));
            clock.RunDueTicks();
        }

        MediaClockStatistics statistics = clock.GetStatistics();
        Assert.Equal(100, statistics.Ticks);
        Assert.Equal(0, statistics.SkippedTicks);
        Assert.Equal(0, statistics.CatchUpTicks);
        Assert.Equal(TimeSpan.Zero, statistics.MinLateness);
        Assert.Equal(TimeSpan.FromMilliseconds(5), statistics.MaxLateness);
        Assert.Equal(TimeSpan.FromMilliseconds(1.03), statistics.MeanLateness);
        Assert.InRange(statistics.P99Lateness, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1.1));
        Assert.Equal(TimeSpan.FromMilliseconds(20), statistics.MinInterval);
        Assert.Equal(TimeSpan.FromMilliseconds(24), statistics.MaxInterval);
        Assert.Equal(TimeSpan.FromTicks(TimeSpan.FromMilliseconds(1985).Ticks / 99), statistics.MeanInterval);
        Assert.Equal(TimeSpan.FromMilliseconds(2), statistics.MaxWork);
        Assert.Equal(TimeSpan.FromMilliseconds(0.02), statistics.MeanWork);

        clock.ResetStatistics();
        Assert.Equal(0, clock.GetStatistics().Ticks);
    }

    [Fact]
    public void Every_registered_stream_is_called_once_per_tick_until_unregistered()
    {
        using var clock = new MediaClock(_time);
        var first = new RecordingStream(_time);
        var second = new RecordingStream(_time);
        clock.Register(first);
        clock.Register(second);
        clock.Register(first);
        Assert.Equal(2, clock.StreamCount);

        clock.RunDueTicks();
        clock.Unregister(first);
        _time.Advance(TimeSpan.FromMilliseconds(20));
        clock.RunDueTicks();

        Assert.Equal([0L], first.Indexes);
        Assert.Equal([0L, 1], second.Indexes);
        Assert.Equal(1, clock.StreamCount);
    }

    [Fact]
    public void A_failing_stream_is_counted_and_does_not_stop_the_others()
    {
        using var clock = new MediaClock(_time);
        var healthy = new RecordingStream(_time);
        clock.Register(new FailingStream());
        clock.Register(healthy);

        clock.RunDueTicks();

        Assert.Equal([0L], healthy.Indexes);
        Assert.Equal(1, clock.GetStatistics().StreamFaults);
    }

    [Fact]
    public async Task Started_clock_ticks_streams_on_its_own_thread()
    {
        using var clock = new MediaClock();
        var stream = new CountingStream(10);
        clock.Register(stream);

        clock.Start();
        clock.Start();
        int threadId = await stream.Reached.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.NotEqual(Environment.CurrentManagedThreadId, threadId);
        Assert.True(clock.IsRunning);
        Assert.True(clock.GetStatistics().Ticks >= 10);
        clock.Dispose();
        Assert.False(clock.IsRunning);
    }

    private sealed class RecordingStream(FakeTimeProvider time) : IMediaClockStream
    {
        private readonly DateTimeOffset _start = time.GetUtcNow();

        public List<long> Indexes { get; } = [];

        public List<TimeSpan> Times { get; } = [];

        public (long Tick, TimeSpan Work)? WorkAtTick { get; init; }

        public void OnTick(MediaTick tick)
        {
            Indexes.Add(tick.Index);
            Times.Add(time.GetUtcNow() - _start);
            if (WorkAtTick is { } work && work.Tick == tick.Index)
            {
                time.Advance(work.Work);
            }
        }
    }

    private sealed class FailingStream : IMediaClockStream
    {
        public void OnTick(MediaTick tick) => throw new InvalidOperationException("broken stream");
    }

    private sealed class CountingStream(int target) : IMediaClockStream
    {
        private readonly TaskCompletionSource<int> _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long _last = -1;
        private int _count;

        public Task<int> Reached => _reached.Task;

        public void OnTick(MediaTick tick)
        {
            Assert.True(tick.Index > _last);
            _last = tick.Index;
            if (++_count == target)
            {
                _reached.TrySetResult(Environment.CurrentManagedThreadId);
            }
        }
    }
}
