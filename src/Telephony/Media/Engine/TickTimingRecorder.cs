namespace CallMyWay.Voice.Telephony.Media.Engine;

/// <summary>
/// Accumulates the lateness, spacing and work time of clock ticks into
/// <see cref="MediaClockStatistics"/> in constant memory: exact minimum, mean and maximum, and a
/// 0.1 ms histogram for the 99th percentile.
/// </summary>
internal sealed class TickTimingRecorder
{
    private const int BucketCount = 1000;
    private static readonly long BucketTicks = TimeSpan.FromMilliseconds(0.1).Ticks;

    private readonly Lock _gate = new();
    private readonly long[] _latenessHistogram = new long[BucketCount + 1];
    private long _ticks;
    private long _catchUpTicks;
    private long _skippedTicks;
    private long _faults;
    private long _minLateness;
    private long _maxLateness;
    private long _sumLateness;
    private long _intervals;
    private long _minInterval;
    private long _maxInterval;
    private long _sumInterval;
    private long _maxWork;
    private long _sumWork;
    private long _previousIndex = -1;
    private TimeSpan _previousStart;

    /// <summary>Accounts one tick; times are offsets from any fixed origin.</summary>
    public void Record(long index, TimeSpan due, TimeSpan started, TimeSpan finished, TimeSpan frame)
    {
        long lateness = Math.Max(0, (started - due).Ticks);
        long work = Math.Max(0, (finished - started).Ticks);
        lock (_gate)
        {
            if (_ticks == 0 || lateness < _minLateness)
            {
                _minLateness = lateness;
            }

            _maxLateness = Math.Max(_maxLateness, lateness);
            _sumLateness += lateness;
            _latenessHistogram[Math.Min(BucketCount, lateness / BucketTicks)]++;
            if (lateness >= frame.Ticks)
            {
                _catchUpTicks++;
            }

            if (index == _previousIndex + 1 && _previousIndex >= 0)
            {
                long interval = (started - _previousStart).Ticks;
                if (_intervals == 0 || interval < _minInterval)
                {
                    _minInterval = interval;
                }

                _maxInterval = Math.Max(_maxInterval, interval);
                _sumInterval += interval;
                _intervals++;
            }

            _maxWork = Math.Max(_maxWork, work);
            _sumWork += work;
            _ticks++;
            _previousIndex = index;
            _previousStart = started;
        }
    }

    public void RecordSkipped(long count)
    {
        lock (_gate)
        {
            _skippedTicks += count;
        }
    }

    public void RecordFault()
    {
        lock (_gate)
        {
            _faults++;
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            Array.Clear(_latenessHistogram);
            _ticks = _catchUpTicks = _skippedTicks = _faults = 0;
            _minLateness = _maxLateness = _sumLateness = 0;
            _intervals = _minInterval = _maxInterval = _sumInterval = 0;
            _maxWork = _sumWork = 0;
            _previousIndex = -1;
        }
    }

    public MediaClockStatistics Snapshot()
    {
        lock (_gate)
        {
            return new MediaClockStatistics(
                _ticks,
                _catchUpTicks,
                _skippedTicks,
                _faults,
                TimeSpan.FromTicks(_minLateness),
                TimeSpan.FromTicks(_ticks == 0 ? 0 : _sumLateness / _ticks),
                TimeSpan.FromTicks(_maxLateness),
                TimeSpan.FromTicks(Percentile(0.99)),
                TimeSpan.FromTicks(_minInterval),
                TimeSpan.FromTicks(_intervals == 0 ? 0 : _sumInterval / _intervals),
                TimeSpan.FromTicks(_maxInterval),
                TimeSpan.FromTicks(_ticks == 0 ? 0 : _sumWork / _ticks),
                TimeSpan.FromTicks(_maxWork));
        }
    }

    // The upper edge of the bucket holding the rank, never above the exact maximum.
    private long Percentile(double fraction)
    {
        if (_ticks == 0)
        {
            return 0;
        }

        long rank = (long)Math.Ceiling(fraction * _ticks);
        long seen = 0;
        for (int bucket = 0; bucket <= BucketCount; bucket++)
        {
            seen += _latenessHistogram[bucket];
            if (seen >= rank)
            {
                return bucket == BucketCount ? _maxLateness : Math.Min(_maxLateness, (bucket + 1) * BucketTicks);
            }
        }

        return _maxLateness;
    }
}
