using CallMyWay.Voice.Domain.Cases;

namespace CallMyWay.Voice.Domain.Application;

/// <summary>Where cases live. The store numbers new cases and refuses a save based on a stale read.</summary>
public interface ICaseRepository
{
    /// <summary>Stores a new case and gives it its number (increasing, never reused).</summary>
    Task AddAsync(SupportCase supportCase, CancellationToken cancellationToken);

    Task<SupportCase?> FindAsync(long number, CancellationToken cancellationToken);

    /// <summary>Saves changes; throws <see cref="ConcurrentChangeException"/> if someone saved the case in between.</summary>
    Task SaveAsync(SupportCase supportCase, CancellationToken cancellationToken);

    Task<IReadOnlyList<SupportCase>> ListAsync(CaseQuery query, CancellationToken cancellationToken);
}
