using CallMyWay.Voice.Domain.Cases;

namespace CallMyWay.Voice.Web.Email.Reading;

/// <summary>What the labelled lines of a message said: checklist fields, impact, and a contact number.</summary>
public sealed record ChecklistReading
{
    public CaseDetails Details { get; init; } = CaseDetails.Empty;
    public AffectedUsers? AffectedUsers { get; init; }
    public Interruption? Interruption { get; init; }
    public string? ContactNumber { get; init; }

    /// <summary>Some checklist field was found (the description does not count).</summary>
    public bool HasDetails => Details != CaseDetails.Empty;

    /// <summary>Fields only an incident report carries: traffic direction, counterpart, date and time.</summary>
    public bool HasIncidentFields => Details.Direction is not null || Details.CounterpartNumber is not null || Details.OccurredAt is not null;

    /// <summary>Fields only an activation request carries.</summary>
    public bool HasActivationFields =>
        Details.AccountId is not null || Details.FullName is not null || Details.DirectNumber is not null
        || Details.ExtensionType is not null || Details.TeamsEmail is not null || Details.InRingGroup is not null || Details.RingGroup is not null;
}
