using CallMyWay.Voice.Domain.Cases;

namespace CallMyWay.Voice.Domain.Application;

/// <summary>Filters for listing cases; null means any. Results come newest first.</summary>
public sealed record CaseQuery
{
    /// <summary>The caller's number; matched on its digits so <c>+52…</c> and <c>52…</c> find the same cases.</summary>
    public string? Caller { get; init; }

    public string? Did { get; init; }
    public CaseStatus? Status { get; init; }
    public CaseKind? Kind { get; init; }
    public int? Level { get; init; }
    public int Limit { get; init; } = 200;
}
