namespace CallMyWay.Voice.Domain.Cases;

/// <summary>How badly work is interrupted, numbered as the IVR asks (1 worst … 4 none).</summary>
public enum Interruption
{
    NotWorking = 1,
    SeriouslyAffected = 2,
    AffectedCanWork = 3,
    NoImpact = 4,
}
