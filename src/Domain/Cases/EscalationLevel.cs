namespace CallMyWay.Voice.Domain.Cases;

/// <summary>The desk's three support levels (seed: "Niveles de escalación").</summary>
public enum EscalationLevel
{
    /// <summary>Service centre: takes every case first.</summary>
    Level1 = 1,

    /// <summary>Specialised technicians.</summary>
    Level2 = 2,

    /// <summary>Advanced support.</summary>
    Level3 = 3,
}
