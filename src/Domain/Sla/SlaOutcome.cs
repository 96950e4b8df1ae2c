namespace CallMyWay.Voice.Domain.Sla;

/// <summary>How a case fared against one target.</summary>
public enum SlaOutcome
{
    /// <summary>No target yet: the case was never complete enough to start its clock.</summary>
    NotStarted,

    /// <summary>Still within the target.</summary>
    Pending,

    Met,
    Breached,
}
