namespace CallMyWay.Voice.Domain.Sla;

/// <summary>How badly a case hurts the customer, from the number of users affected and the interruption (seed, "Niveles de atención").</summary>
public enum Severity
{
    /// <summary>Critical: the company cannot work and there is no alternative.</summary>
    S1 = 1,

    /// <summary>High: the team is seriously affected.</summary>
    S2 = 2,

    /// <summary>Normal: affected, but work can go on.</summary>
    S3 = 3,

    /// <summary>Low impact: requests, questions; normal operation unaffected.</summary>
    S4 = 4,
}
