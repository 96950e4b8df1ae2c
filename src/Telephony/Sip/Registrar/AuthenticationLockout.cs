using System.Net;

namespace CallMyWay.Voice.Telephony.Sip.Registrar;

/// <summary>
/// Counts failed authentications per source IP address and locks out an address that fails too often, so that a
/// password scanner gets a few guesses per lockout period rather than thousands per minute.
/// </summary>
/// <remarks>
/// Thread-safe. Memory is bounded: at most <see cref="MaxTrackedAddresses"/> addresses are tracked; when the table is
/// full, addresses with nothing left to remember are dropped first, then the tenth that failed longest ago, locked-out
/// addresses last.
/// </remarks>
internal sealed class AuthenticationLockout
{
    /// <summary>How many addresses are tracked at most.</summary>
    internal const int MaxTrackedAddresses = 10_000;

    private readonly int _limit;
    private readonly TimeSpan _window;
    private readonly TimeSpan _duration;
    private readonly TimeProvider _timeProvider;
    private readonly Lock _gate = new();
    private readonly Dictionary<IPAddress, Entry> _entries = [];

    /// <param name="limit">Failures within <paramref name="window"/> that lock an address out; 0 never locks.</param>
    /// <param name="window">The sliding window failures are counted in.</param>
    /// <param name="duration">How long a lockout lasts.</param>
    /// <param name="timeProvider">The clock.</param>
    public AuthenticationLockout(int limit, TimeSpan window, TimeSpan duration, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _limit = limit;
        _window = window;
        _duration = duration;
        _timeProvider = timeProvider;
    }

    /// <summary>How many addresses are tracked now.</summary>
    internal int TrackedCount
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Whether requests from <paramref name="address"/> are to be refused now.</summary>
    public bool IsLockedOut(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (_limit == 0)
        {
            return false;
        }

        var now = _timeProvider.GetUtcNow();
        lock (_gate)
        {
            return _entries.TryGetValue(Normalize(address), out var entry) && entry.LockedUntil > now;
        }
    }

    /// <summary>Counts one failure; true when it locks the address out.</summary>
    public bool RecordFailure(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (_limit == 0)
        {
            return false;
        }

        address = Normalize(address);
        var now = _timeProvider.GetUtcNow();
        lock (_gate)
        {
            if (!_entries.TryGetValue(address, out var entry))
            {
                MakeRoom(now);
                entry = new Entry();
                _entries.Add(address, entry);
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

    // An IPv4 peer reached over a dual-stack socket shows up as ::ffff:a.b.c.d; it is the same address.
    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private void MakeRoom(DateTimeOffset now)
    {
        if (_entries.Count < MaxTrackedAddresses)
        {
            return;
        }

        var since = now - _window;
        List<IPAddress>? idle = null;
        foreach (var (address, entry) in _entries)
        {
            entry.Forget(since);
            if (entry.Failures.Count == 0 && entry.LockedUntil <= now)
            {
                (idle ??= []).Add(address);
            }
        }

        if (idle is not null)
        {
            foreach (var address in idle)
            {
                _entries.Remove(address);
            }

            return;
        }

        // Still full of addresses that failed recently: drop a tenth of them at once, so that a flood of new addresses
        // costs one scan per thousand rather than one per address. Locked-out addresses go last.
        var victims = _entries
            .OrderBy(pair => pair.Value.LockedUntil > now)
            .ThenBy(pair => pair.Value.LastFailure)
            .Take(Math.Max(1, _entries.Count / 10))
            .Select(pair => pair.Key)
            .ToList();
        foreach (var address in victims)
        {
            _entries.Remove(address);
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
