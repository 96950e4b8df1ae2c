namespace CallMyWay.Voice.Telephony.Sip.Registrar;

/// <summary>
/// Counts failures per key in a sliding window and locks a key out for a while once it reaches the limit.
/// </summary>
/// <remarks>
/// Thread-safe. Memory is bounded: at most <see cref="MaxTrackedKeys"/> keys are tracked; when the table is full, keys
/// with nothing left to remember are dropped first, then the tenth that failed longest ago, locked-out keys last.
/// </remarks>
/// <typeparam name="TKey">What is counted: a source address, or an address and a user name.</typeparam>
internal sealed class FailureCounter<TKey>
    where TKey : notnull
{
    /// <summary>How many keys are tracked at most.</summary>
    internal const int MaxTrackedKeys = 10_000;

    private readonly int _limit;
    private readonly TimeSpan _window;
    private readonly TimeSpan _duration;
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, Entry> _entries = [];

    /// <param name="limit">Failures within <paramref name="window"/> that lock a key out; 0 never locks.</param>
    /// <param name="window">The sliding window failures are counted in.</param>
    /// <param name="duration">How long a lockout lasts.</param>
    public FailureCounter(int limit, TimeSpan window, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        _limit = limit;
        _window = window;
        _duration = duration;
    }

    /// <summary>How many keys are tracked now.</summary>
    public int TrackedCount
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Whether <paramref name="key"/> is locked out at <paramref name="now"/>.</summary>
    public bool IsLockedOut(TKey key, DateTimeOffset now)
    {
        if (_limit == 0)
        {
            return false;
        }

        lock (_gate)
        {
            return _entries.TryGetValue(key, out var entry) && entry.LockedUntil > now;
        }
    }

    /// <summary>Counts one failure at <paramref name="now"/>; true when it locks the key out.</summary>
    public bool RecordFailure(TKey key, DateTimeOffset now)
    {
        if (_limit == 0)
        {
            return false;
        }

        lock (_gate)
        {
            if (!_entries.TryGetValue(key, out var entry))
            {
                MakeRoom(now);
                entry = new Entry();
                _entries.Add(key, entry);
            }

            if (entry.LockedUntil > now)
            {
                return false;
            }

            entry.Forget(now - _window);
            entry.Failures.Enqueue(now);
            entry.LastFailure = now;
            if (entry.Failures.Count < _limit)
            {
                return false;
            }

            entry.Failures.Clear();
            entry.LockedUntil = now + _duration;
            return true;
        }
    }

    private void MakeRoom(DateTimeOffset now)
    {
        if (_entries.Count < MaxTrackedKeys)
        {
            return;
        }

        var since = now - _window;
        List<TKey>? idle = null;
        foreach (var (key, entry) in _entries)
        {
            entry.Forget(since);
            if (entry.Failures.Count == 0 && entry.LockedUntil <= now)
            {
                (idle ??= []).Add(key);
            }
        }

        if (idle is not null)
        {
            foreach (var key in idle)
            {
                _entries.Remove(key);
            }

            return;
        }

        // Still full of keys that failed recently: drop a tenth of them at once, so that a flood of new keys costs one
        // scan per thousand rather than one per key. Locked-out keys go last.
        var victims = _entries
            .OrderBy(pair => pair.Value.LockedUntil > now)
            .ThenBy(pair => pair.Value.LastFailure)
            .Take(Math.Max(1, _entries.Count / 10))
            .Select(pair => pair.Key)
            .ToList();
        foreach (var key in victims)
        {
            _entries.Remove(key);
        }
    }

    private sealed class Entry
    {
        public Queue<DateTimeOffset> Failures { get; } = new();

        public DateTimeOffset LastFailure { get; set; }

        public DateTimeOffset LockedUntil { get; set; } = DateTimeOffset.MinValue;

        public void Forget(DateTimeOffset before)
        {
            while (Failures.TryPeek(out var failure) && failure <= before)
            {
                Failures.Dequeue();
            }
        }
    }
}
