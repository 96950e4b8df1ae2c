using CallMyWay.Voice.Domain.Sla;

namespace CallMyWay.Voice.Domain.Cases;

/// <summary>What is known when a case is opened, from any channel.</summary>
public sealed record NewCase
{
    public required CaseKind Kind { get; init; }
    public required CaseChannel Channel { get; init; }
    public string? CallerNumber { get; init; }
    public string? CallerEmail { get; init; }
    public string? CallerName { get; init; }
    public string? Did { get; init; }
    public string? Country { get; init; }
    public string? Language { get; init; }
    public string? Subject { get; init; }
    public CaseDetails Details { get; init; } = CaseDetails.Empty;
    public AffectedUsers? AffectedUsers { get; init; }
    public Interruption? Interruption { get; init; }

    /// <summary>An agent's explicit choice, overriding the severity matrix.</summary>
    public Severity? Severity { get; init; }
}
