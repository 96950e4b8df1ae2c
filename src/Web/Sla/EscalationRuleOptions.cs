namespace CallMyWay.Voice.Web.Sla;

/// <summary>One escalation rule: on a breach of <see cref="On"/> for these severities, raise the case to <see cref="ToLevel"/>.</summary>
public sealed class EscalationRuleOptions
{
    /// <summary><c>attention</c> or <c>resolution</c>.</summary>
    public string On { get; set; } = "attention";

    /// <summary>Severities the rule applies to, e.g. <c>["S1","S2"]</c>.</summary>
    public IList<string> Severities { get; } = [];

    public int ToLevel { get; set; } = 2;
}
