using System.Reflection;
using CallMyWay.Voice.Domain.Application;
using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Domain.Numbers;

namespace CallMyWay.Voice.Domain.Tests.Application;

/// <summary>
/// A case store in memory that behaves like the database one: it numbers cases from 1001, hands out a fresh
/// copy on every read, and refuses to save a copy read before someone else's save (optimistic concurrency
/// on <see cref="SupportCase.Version"/>).
/// </summary>
internal sealed class InMemoryCaseRepository : ICaseRepository
{
    private static readonly MethodInfo ShallowCopy =
        typeof(object).GetMethod("MemberwiseClone", BindingFlags.Instance | BindingFlags.NonPublic)!;

    private static readonly FieldInfo HistoryField =
        typeof(SupportCase).GetField("_history", BindingFlags.Instance | BindingFlags.NonPublic)
        ?? throw new InvalidOperationException("SupportCase keeps its history elsewhere; update the test store.");

    private static readonly PropertyInfo NumberProperty = typeof(SupportCase).GetProperty(nameof(SupportCase.Number))!;

    private readonly Dictionary<long, SupportCase> _stored = [];
    private readonly Dictionary<SupportCase, int> _readAtVersion = new(ReferenceEqualityComparer.Instance);
    private readonly Queue<Action<SupportCase>> _otherWriters = new();
    private long _nextNumber = 1001;

    public int Reads { get; private set; }

    public int SaveAttempts { get; private set; }

    public int Saves { get; private set; }

    /// <summary>
    /// Someone else changes and saves the case just before each of our next <paramref name="times"/> saves,
    /// so each of those saves is refused as based on a stale read.
    /// </summary>
    public void ChangedConcurrently(int times, Action<SupportCase> otherWriter)
    {
        for (var i = 0; i < times; i++)
        {
            _otherWriters.Enqueue(otherWriter);
        }
    }

    /// <summary>What the store holds now, read the way the service reads it.</summary>
    public SupportCase Stored(long number) => Copy(_stored[number]);

    public Task AddAsync(SupportCase supportCase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(supportCase);
        if (supportCase.Number != 0)
        {
            throw new InvalidOperationException($"Case {supportCase.Number} is already stored.");
        }

        NumberProperty.SetValue(supportCase, _nextNumber++);
        _stored.Add(supportCase.Number, Copy(supportCase));
        _readAtVersion[supportCase] = supportCase.Version;
        return Task.CompletedTask;
    }

    public Task<SupportCase?> FindAsync(long number, CancellationToken cancellationToken)
    {
        Reads++;
        if (!_stored.TryGetValue(number, out var stored))
        {
            return Task.FromResult<SupportCase?>(null);
        }

        var copy = Copy(stored);
        _readAtVersion[copy] = copy.Version;
        return Task.FromResult<SupportCase?>(copy);
    }

    public Task SaveAsync(SupportCase supportCase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(supportCase);
        SaveAttempts++;
        var stored = _stored[supportCase.Number];
        if (_otherWriters.TryDequeue(out var otherWriter))
        {
            otherWriter(stored);
        }

        if (!_readAtVersion.TryGetValue(supportCase, out var readAt))
        {
            throw new InvalidOperationException($"Case {supportCase.Number} was not read from this store.");
        }

        if (stored.Version != readAt)
        {
            throw new ConcurrentChangeException($"Case {supportCase.Number} was changed by someone else in the meantime.");
        }

        _stored[supportCase.Number] = Copy(supportCase);
        _readAtVersion[supportCase] = supportCase.Version;
        Saves++;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<SupportCase>> ListAsync(CaseQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        IEnumerable<SupportCase> cases = _stored.Values;
        if (!string.IsNullOrWhiteSpace(query.Caller))
        {
            var digits = NumberPlan.DigitsOf(query.Caller);
            cases = cases.Where(c => c.CallerNumber is not null && NumberPlan.DigitsOf(c.CallerNumber) == digits);
        }

        if (!string.IsNullOrWhiteSpace(query.Did))
        {
            var digits = NumberPlan.DigitsOf(query.Did);
            cases = cases.Where(c => c.Did is not null && NumberPlan.DigitsOf(c.Did) == digits);
        }

        if (query.Status is { } status)
        {
            cases = cases.Where(c => c.Status == status);
        }

        if (query.Kind is { } kind)
        {
            cases = cases.Where(c => c.Kind == kind);
        }

        if (query.Level is { } level)
        {
            cases = cases.Where(c => (int)c.Level == level);
        }

        IReadOnlyList<SupportCase> list = [.. cases.OrderByDescending(c => c.Number).Take(query.Limit).Select(Copy)];
        return Task.FromResult(list);
    }

    /// <summary>
    /// A copy that shares nothing mutable with the original: besides the history list, a case's members are
    /// values, immutable records (details) or immutable entries.
    /// </summary>
    private static SupportCase Copy(SupportCase supportCase)
    {
        var copy = (SupportCase)ShallowCopy.Invoke(supportCase, null)!;
        HistoryField.SetValue(copy, new List<CaseHistoryEntry>(supportCase.History));
        return copy;
    }
}
