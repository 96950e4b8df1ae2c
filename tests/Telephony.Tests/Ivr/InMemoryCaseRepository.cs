using System.Reflection;
using CallMyWay.Voice.Domain.Application;
using CallMyWay.Voice.Domain.Cases;

namespace CallMyWay.Voice.Telephony.Tests.Ivr;

/// <summary>Cases in memory, numbered from 1001 like the database; <see cref="Unreachable"/> makes every call fail as a lost database would.</summary>
internal sealed class InMemoryCaseRepository : ICaseRepository
{
    private static readonly PropertyInfo NumberProperty = typeof(SupportCase).GetProperty(nameof(SupportCase.Number))!;

    private readonly Dictionary<long, SupportCase> _cases = [];
    private long _next = 1001;

    public bool Unreachable { get; set; }

    public IReadOnlyCollection<SupportCase> All => _cases.Values;

    public Task AddAsync(SupportCase supportCase, CancellationToken cancellationToken)
    {
        ThrowIfUnreachable();
        NumberProperty.SetValue(supportCase, _next++);
        _cases.Add(supportCase.Number, supportCase);
        return Task.CompletedTask;
    }

    public Task<SupportCase?> FindAsync(long number, CancellationToken cancellationToken)
    {
        ThrowIfUnreachable();
        return Task.FromResult(_cases.GetValueOrDefault(number));
    }

    public Task SaveAsync(SupportCase supportCase, CancellationToken cancellationToken)
    {
        ThrowIfUnreachable();
        _cases[supportCase.Number] = supportCase;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<SupportCase>> ListAsync(CaseQuery query, CancellationToken cancellationToken)
    {
        ThrowIfUnreachable();
        return Task.FromResult<IReadOnlyList<SupportCase>>([.. _cases.Values.OrderByDescending(c => c.Number)]);
    }

    private void ThrowIfUnreachable()
    {
        if (Unreachable)
        {
            throw new InvalidOperationException("A network-related error occurred while establishing a connection to the database.");
        }
    }
}
