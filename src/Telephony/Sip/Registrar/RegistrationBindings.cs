using CallMyWay.Voice.Telephony.Sip.Messages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CallMyWay.Voice.Telephony.Sip.Registrar;

/// <summary>
/// The location service (RFC 3261 §10): which phones each extension has registered, in memory. The
/// <see cref="SipRegistrar"/> writes it; the code that rings agents reads it with <see cref="Lookup"/>; the console
/// follows <see cref="BindingsChanged"/>.
/// </summary>
/// <remarks>
/// Thread-safe. Expired bindings are invisible at once, and are removed (raising <see cref="BindingsChanged"/>) the
/// next time their extension is looked up or written, or by a sweep that runs every <c>sweepInterval</c> on one
/// <see cref="ITimer"/> from the <see cref="TimeProvider"/>. Bindings live in this process only: after a restart
/// phones are unreachable until they refresh their registration.
/// </remarks>
public sealed partial class RegistrationBindings : IDisposable
{
    /// <summary>How often expired bindings are swept when no interval is given.</summary>
    public static readonly TimeSpan DefaultSweepInterval = TimeSpan.FromSeconds(30);

    // A phone that gives no q is taken as fully willing (the top of RFC 3261 §20.10's range).
    private const double DefaultQ = 1.0;

    private static readonly Comparison<ContactBinding> LookupOrder = static (left, right) =>
    {
        var byQ = (right.Q ?? DefaultQ).CompareTo(left.Q ?? DefaultQ);
        return byQ != 0 ? byQ : right.UpdatedAt.CompareTo(left.UpdatedAt);
    };

    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();

    // Each extension's bindings in lookup order. An array is replaced, never changed, so it can be handed out as is.
    private readonly Dictionary<string, ContactBinding[]> _bindings = new(StringComparer.Ordinal);
    private readonly ITimer _sweep;
    private int _disposed;

    /// <summary>Creates an empty location service and starts its sweep.</summary>
    /// <param name="timeProvider">The clock expiry is judged by.</param>
    /// <param name="logger">Where failing <see cref="BindingsChanged"/> handlers are reported.</param>
    /// <param name="sweepInterval">How often expired bindings are removed; <see cref="DefaultSweepInterval"/> when null.</param>
    public RegistrationBindings(TimeProvider timeProvider, ILogger<RegistrationBindings>? logger = null, TimeSpan? sweepInterval = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        var interval = sweepInterval ?? DefaultSweepInterval;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero, nameof(sweepInterval));
        _timeProvider = timeProvider;
        _logger = logger ?? NullLogger<RegistrationBindings>.Instance;
        _sweep = timeProvider.CreateTimer(static state => ((RegistrationBindings)state!).Sweep(), this, interval, interval);
    }

    /// <summary>
    /// The bindings of an extension changed: a contact was added, removed, expired, or its phone now sends from
    /// another address. A refresh that changes only the expiry raises nothing. Raised after the change, outside any
    /// lock, on the thread that made it (a request's or the sweep timer's); handlers must return quickly, and an
    /// exception from one is logged and otherwise ignored.
    /// </summary>
    public event EventHandler<BindingsChangedEventArgs>? BindingsChanged;

    /// <summary>How many live bindings there are across all extensions.</summary>
    public int Count
    {
        get
        {
            var now = _timeProvider.GetUtcNow();
            var count = 0;
            lock (_gate)
            {
                foreach (var bindings in _bindings.Values)
                {
                    foreach (var binding in bindings)
                    {
                        if (binding.IsLiveAt(now))
                        {
                            count++;
                        }
                    }
                }
            }

            return count;
        }
    }

    /// <summary>
    /// The live contacts of an extension, where to ring it: highest q first (no q counts as 1.0), then the most
    /// recently registered or refreshed. Empty when no phone is registered.
    /// </summary>
    public IReadOnlyList<ContactBinding> Lookup(string extension)
    {
        ArgumentNullException.ThrowIfNull(extension);
        var now = _timeProvider.GetUtcNow();
        ContactBinding[] live;
        lock (_gate)
        {
            if (!_bindings.TryGetValue(extension, out var stored))
            {
                return [];
            }

            live = LiveOf(stored, now);
            if (live.Length == stored.Length)
            {
                return live;
            }

            Store(extension, live);
        }

        Raise(extension, live);
        return live;
    }

    /// <summary>Every live binding of every extension, grouped by extension, each group in lookup order.</summary>
    public IReadOnlyList<ContactBinding> Snapshot()
    {
        var now = _timeProvider.GetUtcNow();
        var all = new List<ContactBinding>();
        lock (_gate)
        {
            foreach (var bindings in _bindings.Values)
            {
                foreach (var binding in bindings)
                {
                    if (binding.IsLiveAt(now))
                    {
                        all.Add(binding);
                    }
                }
            }
        }

        return all;
    }

    /// <summary>Removes every binding of an extension, e.g. when its agent is disabled; true when one was live.</summary>
    public bool Remove(string extension)
    {
        ArgumentNullException.ThrowIfNull(extension);
        var now = _timeProvider.GetUtcNow();
        bool hadLive;
        lock (_gate)
        {
            if (!_bindings.Remove(extension, out var stored))
            {
                return false;
            }

            hadLive = Array.Exists(stored, binding => binding.IsLiveAt(now));
        }

        Raise(extension, []);
        return hadLive;
    }

    /// <summary>Stops the sweep.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _sweep.Dispose();
        }
    }

    /// <summary>
    /// Applies a REGISTER's contacts atomically (RFC 3261 §10.3 steps 6 to 8): all updates are made, or, when one is
    /// out of order or the request lists too many contacts, none.
    /// </summary>
    internal BindingUpdateResult Apply(string extension, RegistrationChange change)
    {
        ArgumentNullException.ThrowIfNull(extension);
        ArgumentNullException.ThrowIfNull(change);
        ContactBinding[] result;
        bool changed;
        lock (_gate)
        {
            var stored = _bindings.GetValueOrDefault(extension) ?? [];
            var live = LiveOf(stored, change.At);
            var next = new List<ContactBinding>(live);
            if (change.RemoveAll)
            {
                // §10.3 step 6: "*" removes each binding unless that binding was written later in this Call-ID.
                foreach (var binding in live)
                {
                    if (IsOutOfOrder(binding, change))
                    {
                        return new BindingUpdateResult(BindingUpdateStatus.OutOfOrder, live);
                    }
                }

                next.Clear();
            }
            else if (!TryUpdate(next, extension, change, out var status))
            {
                return new BindingUpdateResult(status, live);
            }

            next.Sort(LookupOrder);
            result = [.. next];
            changed = !SameContacts(stored, result);
            Store(extension, result);
        }

        if (changed)
        {
            Raise(extension, result);
        }

        return new BindingUpdateResult(BindingUpdateStatus.Applied, result, changed);
    }

    /// <summary>Removes every expired binding now; the timer calls it every sweep interval.</summary>
    internal void Sweep()
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        var now = _timeProvider.GetUtcNow();
        List<(string Extension, ContactBinding[] Live)>? expired = null;
        lock (_gate)
        {
            foreach (var (extension, stored) in _bindings)
            {
                var live = LiveOf(stored, now);
                if (live.Length != stored.Length)
                {
                    (expired ??= []).Add((extension, live));
                }
            }

            if (expired is null)
            {
                return;
            }

            foreach (var (extension, live) in expired)
            {
                Store(extension, live);
            }
        }

        foreach (var (extension, live) in expired)
        {
            Raise(extension, live);
        }
    }

    // §10.3 step 7, for each contact in order: a new contact is added, a known one refreshed or (expires 0) removed.
    private static bool TryUpdate(List<ContactBinding> next, string extension, RegistrationChange change, out BindingUpdateStatus status)
    {
        status = BindingUpdateStatus.Applied;
        var written = new List<SipUri>(change.Contacts.Count);
        foreach (var update in change.Contacts)
        {
            var index = next.FindIndex(binding => binding.Uri == update.Uri);

            // A contact listed twice in one request is not out of order with itself.
            var repeated = written.Contains(update.Uri);
            if (index >= 0 && !repeated && IsOutOfOrder(next[index], change))
            {
                status = BindingUpdateStatus.OutOfOrder;
                return false;
            }

            if (!repeated)
            {
                written.Add(update.Uri);
            }

            if (update.ExpiresSeconds == 0)
            {
                if (index >= 0)
                {
                    next.RemoveAt(index);
                }

                continue;
            }

            var binding = new ContactBinding
            {
                Extension = extension,
                Contact = update.Contact,
                Uri = update.Uri,
                Q = update.Q,
                ExpiresAt = change.At.AddSeconds(update.ExpiresSeconds),
                CallId = change.CallId,
                CSeq = change.CSeq,
                ReceivedFrom = change.ReceivedFrom,
                LocalEndPoint = change.LocalEndPoint,
                UserAgent = change.UserAgent,
                RegisteredAt = index >= 0 ? next[index].RegisteredAt : change.At,
                UpdatedAt = change.At,
            };
            if (index >= 0)
            {
                next[index] = binding;
            }
            else
            {
                next.Add(binding);
            }
        }

        if (next.Count <= change.MaxContacts)
        {
            return true;
        }

        if (next.Count(binding => written.Contains(binding.Uri)) > change.MaxContacts)
        {
            status = BindingUpdateStatus.TooManyContacts;
            return false;
        }

        // Room is made by dropping the bindings refreshed longest ago, which are most likely left over from a phone
        // that rebooted behind NAT and came back with a new contact.
        var evictable = next.Where(binding => !written.Contains(binding.Uri)).OrderBy(binding => binding.UpdatedAt).ToList();
        foreach (var victim in evictable)
        {
            if (next.Count <= change.MaxContacts)
            {
                break;
            }

            next.Remove(victim);
        }

        return true;
    }

    // §10.3 step 7: within one Call-ID, only a higher CSeq may change a binding.
    private static bool IsOutOfOrder(ContactBinding binding, RegistrationChange change) =>
        string.Equals(binding.CallId, change.CallId, StringComparison.Ordinal) && change.CSeq <= binding.CSeq;

    private static ContactBinding[] LiveOf(ContactBinding[] stored, DateTimeOffset now)
    {
        var liveCount = 0;
        foreach (var binding in stored)
        {
            if (binding.IsLiveAt(now))
            {
                liveCount++;
            }
        }

        if (liveCount == stored.Length)
        {
            return stored;
        }

        var live = new ContactBinding[liveCount];
        var next = 0;
        foreach (var binding in stored)
        {
            if (binding.IsLiveAt(now))
            {
                live[next++] = binding;
            }
        }

        return live;
    }

    // Whether the same contacts are reached the same way; expiry and refresh times do not count as a change.
    private static bool SameContacts(ContactBinding[] before, ContactBinding[] after)
    {
        if (before.Length != after.Length)
        {
            return false;
        }

        foreach (var binding in after)
        {
            if (!Array.Exists(before, old => old.Uri == binding.Uri && old.ReceivedFrom == binding.ReceivedFrom))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Puts bindings in place as an accepted REGISTER would, for tests of the code that reads them.</summary>
    internal void StoreForTest(string extension, ContactBinding[] bindings)
    {
        lock (_gate)
        {
            Store(extension, bindings);
        }
    }

    private void Store(string extension, ContactBinding[] bindings)
    {
        if (bindings.Length == 0)
        {
            _bindings.Remove(extension);
        }
        else
        {
            _bindings[extension] = bindings;
        }
    }

    private void Raise(string extension, IReadOnlyList<ContactBinding> bindings)
    {
        var handler = BindingsChanged;
        if (handler is null)
        {
            return;
        }

        try
        {
            handler(this, new BindingsChangedEventArgs(extension, bindings));
        }
        catch (Exception exception)
        {
            // A console that fails to show a registration must not fail the registration, nor stop the sweep timer.
            LogHandlerFailed(_logger, extension, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A BindingsChanged handler failed for extension {Extension}")]
    private static partial void LogHandlerFailed(ILogger logger, string extension, Exception exception);
}
