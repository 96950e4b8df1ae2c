namespace CallMyWay.Voice.Domain.Sla;

/// <summary>When a case must be attended and resolved by.</summary>
public sealed record SlaDueTimes(DateTimeOffset AttentionDue, DateTimeOffset ResolutionDue);
