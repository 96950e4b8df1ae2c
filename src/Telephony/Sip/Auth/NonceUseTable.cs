namespace CallMyWay.Voice.Telephony.Sip.Auth;

/// <summary>Which (nonce, user) pairs have been used, and the highest nc seen for each, to refuse replays (RFC 2617 §4.5).</summary>
/// <remarks>
/// <para>
/// Entries are added only for requests whose response already checked out, so an attacker who merely knows
/// a nonce (nonces are public) cannot push its nc up and lock the real user out.
/// </para>
/// <para>
/// The table is bounded because its size would otherwise follow the traffic: a registrar serving thousands of
/// phones authenticates continuously. An entry is dropped when its nonce expires, since an expired nonce is
/// refused before the table is consulted. If the table still fills up, the entries with the oldest nonces go,
/// and every nonce issued at or before the newest one dropped is treated as stale from then on. Forgetting
/// therefore never opens a replay: the worst a full table does is make clients fetch a fresh nonce early.
/// </para>
/// <para>Thread-safe: one lock guards the table; the work under it is a few dictionary and heap operations.</para>
/// </remarks>
internal sealed class NonceUseTable(int capacity, TimeSpan lifetime)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Nonce, string Username), Entry> _entries = [];
    private readonly PriorityQueue<(string Nonce, string Username), long> _byIssueTime = new();
    private readonly int _capacity = capacity;
    private readonly long _lifetimeTicks = lifetime.Ticks;
    private long _forgottenUpTo = long.MinValue;
    private long _latestTicks = long.MinValue;

    public enum Use
    {
        /// <summary>First use of this nc: recorded.</summary>
        Accepted,

        /// <summary>This nc (or, without qop, this nonce) was already used.</summary>
        Replay,

        /// <summary>The nonce's use state may have been dropped to keep the table bounded: treat it as stale.</summary>
        Forgotten,
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>
    /// Records a use of a nonce whose response was verified and which was live at <paramref name="nowTicks"/>;
    /// null <paramref name="nonceCount"/> means no qop.
    /// </summary>
    public Use Register(string nonce, string username, long issuedAtTicks, uint? nonceCount, long nowTicks)
    {
        lock (_gate)
        {
            // Callers read the clock before taking the lock, so another thread may already have dropped this
            // nonce's entry at a later time. Judging expiry by the latest time seen keeps that entry's loss from
            // letting a replay through.
            _latestTicks = Math.Max(_latestTicks, nowTicks);
            DropExpired(_latestTicks);
            if (issuedAtTicks <= _forgottenUpTo || _latestTicks - issuedAtTicks > _lifetimeTicks)
            {
                return Use.Forgotten;
            }

            var key = (nonce, username);
            if (_entries.TryGetValue(key, out var entry))
            {
                // RFC 7616 §3.4: nc counts up for every request with the same nonce; without qop a nonce is
                // good for one request only, since nothing else tells a replay from a new request.
                if (entry.SingleUse || nonceCount is not { } count || count <= entry.HighestNonceCount)
                {
                    return Use.Replay;
                }

                entry.HighestNonceCount = count;
                return Use.Accepted;
            }

            if (nonceCount == 0)
            {
                return Use.Replay;
            }

            if (_entries.Count >= _capacity)
            {
                _byIssueTime.TryDequeue(out var oldest, out var oldestIssuedAt);
                _entries.Remove(oldest);
                _forgottenUpTo = Math.Max(_forgottenUpTo, oldestIssuedAt);
                if (issuedAtTicks <= _forgottenUpTo)
                {
                    return Use.Forgotten;
                }
            }

            _entries.Add(key, new Entry { HighestNonceCount = nonceCount ?? 0, SingleUse = nonceCount is null });
            _byIssueTime.Enqueue(key, issuedAtTicks);
            return Use.Accepted;
        }
    }

    private void DropExpired(long nowTicks)
    {
        while (_byIssueTime.TryPeek(out var key, out var issuedAt) && nowTicks - issuedAt > _lifetimeTicks)
        {
            _byIssueTime.Dequeue();
            _entries.Remove(key);
        }
    }

    private sealed class Entry
    {
        public uint HighestNonceCount { get; set; }

        public bool SingleUse { get; init; }
    }
}
