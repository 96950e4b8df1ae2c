namespace CallMyWay.Voice.Web.Desk;

/// <summary>One severity's targets in configuration (<c>Sla:S1:Attention</c> = <c>01:00:00</c>, …).</summary>
public sealed class SlaTargetOptions
{
    public TimeSpan? Attention { get; set; }

    public TimeSpan? Resolution { get; set; }

    /// <summary><c>AroundTheClock</c> or <c>BusinessHours</c>.</summary>
    public string? Clock { get; set; }
}
