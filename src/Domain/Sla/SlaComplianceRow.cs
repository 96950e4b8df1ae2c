namespace CallMyWay.Voice.Domain.Sla;

/// <summary>One group of a compliance report (e.g. severity S1, or country MX) with its counts and rates.</summary>
public sealed record SlaComplianceRow(
    string Key,
    int Cases,
    int AttentionMet,
    int AttentionBreached,
    int AttentionPending,
    int ResolutionMet,
    int ResolutionBreached,
    int ResolutionPending)
{
    /// <summary>Share of decided attention targets that were met (null when none is decided yet).</summary>
    public double? AttentionCompliance => Rate(AttentionMet, AttentionBreached);

    public double? ResolutionCompliance => Rate(ResolutionMet, ResolutionBreached);

    private static double? Rate(int met, int breached) => met + breached == 0 ? null : Math.Round(100.0 * met / (met + breached), 1);
}
