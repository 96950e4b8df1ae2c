namespace CallMyWay.Voice.Domain.Cases;

/// <summary>
/// What the customer told us about the case. One shape for every kind so that a case can change kind
/// without losing anything; the checklist of its kind decides which fields must be present.
/// </summary>
public sealed record CaseDetails
{
    // Incident (seed: "Reporte de incidencias")
    public string? Extension { get; init; }
    public TrafficDirection? Direction { get; init; }
    public string? CounterpartNumber { get; init; }
    public DateTimeOffset? OccurredAt { get; init; }

    // Activation (seed: "Nuevas activaciones"); Extension is shared with incidents.
    public string? AccountId { get; init; }
    public string? FullName { get; init; }
    public bool? DirectNumber { get; init; }
    public ExtensionType? ExtensionType { get; init; }
    public string? TeamsEmail { get; init; }
    public bool? InRingGroup { get; init; }
    public string? RingGroup { get; init; }

    /// <summary>Free text: the e-mail body, the chat summary, the agent's description.</summary>
    public string? Description { get; init; }

    public static CaseDetails Empty { get; } = new();

    /// <summary>Fields present in <paramref name="update"/> replace ours; absent ones keep their value.</summary>
    public CaseDetails MergedWith(CaseDetails update)
    {
        ArgumentNullException.ThrowIfNull(update);
        return new CaseDetails
        {
            Extension = update.Extension ?? Extension,
            Direction = update.Direction ?? Direction,
            CounterpartNumber = update.CounterpartNumber ?? CounterpartNumber,
            OccurredAt = update.OccurredAt ?? OccurredAt,
            AccountId = update.AccountId ?? AccountId,
            FullName = update.FullName ?? FullName,
            DirectNumber = update.DirectNumber ?? DirectNumber,
            ExtensionType = update.ExtensionType ?? ExtensionType,
            TeamsEmail = update.TeamsEmail ?? TeamsEmail,
            InRingGroup = update.InRingGroup ?? InRingGroup,
            RingGroup = update.RingGroup ?? RingGroup,
            Description = update.Description ?? Description,
        };
    }
}
