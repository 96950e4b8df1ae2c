namespace CallMyWay.Voice.Web.Desk;

/// <summary>Configuration section <c>Sla</c>: overrides of the seed's targets per severity.</summary>
public sealed class SlaOptions
{
    public const string Section = "Sla";

    public SlaTargetOptions? S1 { get; set; }

    public SlaTargetOptions? S2 { get; set; }

    public SlaTargetOptions? S3 { get; set; }

    public SlaTargetOptions? S4 { get; set; }

    /// <summary>Escalation rules on breach; empty means the defaults (attention S1/S2 → 2, resolution S1 → 3).</summary>
    public IList<Sla.EscalationRuleOptions> Escalations { get; } = [];
}
