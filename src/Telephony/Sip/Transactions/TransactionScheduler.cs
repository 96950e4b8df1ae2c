namespace CallMyWay.Voice.Telephony.Sip.Transactions;

/// <summary>
/// The one timer source every transaction shares: a priority queue of deadlines served by a single
/// <see cref="ITimer"/> from <see cref="TimeProvider"/>, always armed for the earliest deadline. Nothing polls and no
/// transaction owns a timer, so thousands of transactions cost one kernel timer; under
/// <c>FakeTimeProvider.Advance</c> due callbacks run in deadline order at their own instants.
/// </summary>
/// <remarks>
/// Callbacks run on the timer's thread, outside the scheduler's lock, and must not block. Cancelled entries stay in
/// the queue without their callback until they come due, or until they outnumber the live ones and the queue is
/// rebuilt.
/// </remarks>
public sealed class TransactionScheduler : IDisposable
{
    // A real timer never fires early, but one re-armed for less than a millisecond may be rounded down to "now" by
    // a fake clock and run synchronously inside Change, under the lock; one millisecond is the floor.
    private static readonly TimeSpan MinimumDelay = TimeSpan.FromMilliseconds(1);

    private readonly TimeProvider _timeProvider;
    private readonly ITimer _timer;
    private readonly Lock _gate = new();
    private readonly PriorityQueue<ScheduledCallback, (long Deadline, long Sequence)> _queue = new();
    private readonly double _timestampTicksPerTimeSpanTick;
    private long _armedDeadline = long.MaxValue;
    private long _sequence;
    private int _cancelled;
    private long _failures;
    private bool _disposed;

    /// <summary>Creates the scheduler and its one (disarmed) timer.</summary>
    public TransactionScheduler(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
        _timestampTicksPerTimeSpanTick = (double)timeProvider.TimestampFrequency / TimeSpan.TicksPerSecond;
        _timer = timeProvider.CreateTimer(static state => ((TransactionScheduler)state!).OnTick(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The clock the deadlines are measured on.</summary>
    public TimeProvider TimeProvider => _timeProvider;

    /// <summary>Callbacks waiting to run.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count - _cancelled;
            }
        }
    }

    /// <summary>Callbacks that threw; each is a bug in the caller.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>Runs <paramref name="callback"/> once, <paramref name="delay"/> from now; after <see cref="Dispose"/>,
    /// never.</summary>
    public ScheduledCallback Schedule(TimeSpan delay, Action callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return Schedule(delay, static action => ((Action)action!)(), callback);
    }

    /// <summary>Runs <paramref name="callback"/>(<paramref name="argument"/>) once, <paramref name="delay"/> from now;
    /// after <see cref="Dispose"/>, never. With a static callback nothing but the entry is allocated, which matters
    /// for the thousands of transactions waiting out Timer J or L.</summary>
    public ScheduledCallback Schedule(TimeSpan delay, Action<object?> callback, object? argument)
    {
        ArgumentNullException.ThrowIfNull(callback);
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        var now = _timeProvider.GetTimestamp();
        var entry = new ScheduledCallback(this, callback, argument, now + (long)(delay.Ticks * _timestampTicksPerTimeSpanTick));
        lock (_gate)
        {
            if (_disposed)
            {
                // Stopping: a transaction racing the shutdown gets a timer that never fires rather than an exception.
                entry.TryMarkCancelled();
                return entry;
            }

            _queue.Enqueue(entry, (entry.Deadline, _sequence++));
            if (entry.Deadline < _armedDeadline)
            {
                Arm(entry.Deadline, now);
            }
        }

        return entry;
    }

    /// <summary>Stops the timer; callbacks still waiting never run.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _queue.Clear();
            _cancelled = 0;
        }

        _timer.Dispose();
    }

    internal bool TryCancel(ScheduledCallback entry)
    {
        lock (_gate)
        {
            if (!entry.TryMarkCancelled())
            {
                return false;
            }

            if (_disposed)
            {
                return true;
            }

            _cancelled++;
            if (_cancelled > 64 && _cancelled > _queue.Count / 2)
            {
                Compact();
            }

            return true;
        }
    }

    private void OnTick()
    {
        List<ScheduledCallback>? due = null;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var now = _timeProvider.GetTimestamp();
            _armedDeadline = long.MaxValue;
            while (_queue.TryPeek(out var entry, out var priority) && priority.Deadline <= now)
            {
                _queue.Dequeue();
                if (entry.TryClaim())
                {
                    (due ??= []).Add(entry);
                }
                else
                {
                    _cancelled--;
                }
            }

            if (_queue.TryPeek(out _, out var next))
            {
                Arm(next.Deadline, now);
            }
        }

        if (due is null)
        {
            return;
        }

        foreach (var entry in due)
        {
            try
            {
                entry.Invoke();
            }
            catch (Exception)
            {
                // A throwing callback is a bug in its transaction; it must not stop the timer serving the others.
                Interlocked.Increment(ref _failures);
            }
        }
    }

    private void Arm(long deadline, long now)
    {
        _armedDeadline = deadline;
        var delay = TimeSpan.FromTicks((long)Math.Ceiling((deadline - now) / _timestampTicksPerTimeSpanTick));

        // Whole milliseconds, rounded up: timers count in milliseconds, and waking early would only re-arm.
        var milliseconds = Math.Ceiling(delay.TotalMilliseconds);
        var due = TimeSpan.FromMilliseconds(milliseconds);
        _timer.Change(due < MinimumDelay ? MinimumDelay : due, Timeout.InfiniteTimeSpan);
    }

    private void Compact()
    {
        var live = new List<(ScheduledCallback Entry, (long Deadline, long Sequence) Priority)>(_queue.Count - _cancelled);
        foreach (var item in _queue.UnorderedItems)
        {
            if (item.Element.IsPending)
            {
                live.Add((item.Element, item.Priority));
            }
        }

        _queue.Clear();
        foreach (var (entry, priority) in live)
        {
            _queue.Enqueue(entry, priority);
        }

        _cancelled = 0;
    }
}
