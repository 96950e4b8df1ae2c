namespace CallMyWay.Voice.Domain.Sla;

/// <summary>Which time an SLA target is counted in.</summary>
public enum SlaClockKind
{
    /// <summary>Wall-clock time, nights and weekends included.</summary>
    AroundTheClock,

    /// <summary>Only while the desk is open.</summary>
    BusinessHours,
}
