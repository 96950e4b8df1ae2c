namespace CallMyWay.Voice.Domain.Cases;

/// <summary>How many users an incident touches (IVR digits 1, 2, 3).</summary>
public enum AffectedUsers
{
    One = 1,
    Several = 2,
    All = 3,
}
