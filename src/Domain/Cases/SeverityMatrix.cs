using CallMyWay.Voice.Domain.Sla;

namespace CallMyWay.Voice.Domain.Cases;

/// <summary>Severity from the number of users affected and the level of interruption (CONTRACT.md).</summary>
public static class SeverityMatrix
{
    public static Severity From(AffectedUsers users, Interruption interruption) => interruption switch
    {
        Interruption.NoImpact => Severity.S4,
        Interruption.AffectedCanWork => Severity.S3,
        Interruption.SeriouslyAffected => users == AffectedUsers.One ? Severity.S3 : Severity.S2,
        Interruption.NotWorking => users == AffectedUsers.One ? Severity.S2 : Severity.S1,
        _ => throw new ArgumentOutOfRangeException(nameof(interruption), interruption, "Interruption must be 1 to 4."),
    };
}
