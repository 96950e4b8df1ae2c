namespace CallMyWay.Voice.Web.Click2Call;

/// <summary>
/// At most <c>permits</c> acquisitions per key in any window of <c>window</c> (a sliding log), on the caller's clock so
/// that tests move time instead of waiting. Keys whose log emptied are dropped as they are met again.
/// </summary>
public sealed class SlidingWindowLimit(int permits, TimeSpan window)
{
    private readonly Dictionary<string, Queue<DateTimeOffset>> _logs = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Takes a permit for <paramref name="key"/> at <paramref name="now"/>; when none is left, says how long until one is.</summary>
    public bool TryAcquire(string key, DateTimeOffset now, out TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            var log = Trimmed(key, now);
            if (log.Count >= permits)
            {
                retryAfter = log.Peek() + window - now;
                return false;
            }

            log.Enqueue(now);
            retryAfter = TimeSpan.Zero;
            return true;
        }
    }

    /// <summary>Whether <see cref="TryAcquire"/> would succeed now, without taking the permit.</summary>
    public bool HasPermit(string key, DateTimeOffset now, out TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            var log = Trimmed(key, now);
            retryAfter = log.Count >= permits ? log.Peek() + window - now : TimeSpan.Zero;
            return log.Count < permits;
        }
    }

    private Queue<DateTimeOffset> Trimmed(string key, DateTimeOffset now)
    {
        if (!_logs.TryGetValue(key, out var log))
        {
            log = new Queue<DateTimeOffset>();
            _logs[key] = log;
            if (_logs.Count > 100_000)
            {
                Sweep(now);
            }
        }

        while (log.Count > 0 && log.Peek() + window <= now)
        {
            log.Dequeue();
        }

        return log;
    }

    // Bounds the memory an attacker can make us spend by cycling keys: drop every key with nothing left in its window.
    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, log) in _logs.ToList())
        {
            if (log.Count == 0 || log.Last() + window <= now)
            {
                _logs.Remove(key);
            }
        }
    }
}
