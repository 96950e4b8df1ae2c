namespace CallMyWay.Voice.Domain.Cases;

/// <summary>Where a case stands in the desk's process.</summary>
public enum CaseStatus
{
    New,
    AwaitingInfo,
    Open,
    InProgress,
    Resolved,
    Closed,
}
