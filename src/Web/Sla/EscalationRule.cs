using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Domain.Sla;

namespace CallMyWay.Voice.Web.Sla;

/// <summary>A validated escalation rule applied when an SLA target is breached.</summary>
public sealed record EscalationRule(SlaAlertKind On, IReadOnlySet<Severity> Severities, EscalationLevel ToLevel)
{
    /// <summary>The seed's defaults: attention breached on S1/S2 → level 2; resolution breached on S1 → level 3.</summary>
    public static IReadOnlyList<EscalationRule> Defaults { get; } =
    [
        new(SlaAlertKind.Attention, new HashSet<Severity> { Severity.S1, Severity.S2 }, EscalationLevel.Level2),
        new(SlaAlertKind.Resolution, new HashSet<Severity> { Severity.S1 }, EscalationLevel.Level3),
    ];

    public static IReadOnlyList<EscalationRule> From(IList<EscalationRuleOptions>? configured)
    {
        if (configured is null || configured.Count == 0)
        {
            return Defaults;
        }

        var rules = new List<EscalationRule>(configured.Count);
        for (var i = 0; i < configured.Count; i++)
        {
            var rule = configured[i];
            var key = $"Sla:Escalations:{i}";
            if (!Enum.TryParse<SlaAlertKind>(rule.On, ignoreCase: true, out var on))
            {
                throw new InvalidOperationException($"{key}:On must be attention or resolution, not \"{rule.On}\".");
            }

            if (rule.ToLevel is < 2 or > 3)
            {
                throw new InvalidOperationException($"{key}:ToLevel must be 2 or 3.");
            }

            var severities = new HashSet<Severity>();
            foreach (var text in rule.Severities)
            {
                if (!Enum.TryParse<Severity>(text, ignoreCase: true, out var severity) || !Enum.IsDefined(severity))
                {
                    throw new InvalidOperationException($"{key}:Severities: \"{text}\" is not S1, S2, S3 or S4.");
                }

                severities.Add(severity);
            }

            rules.Add(new EscalationRule(on, severities, (EscalationLevel)rule.ToLevel));
        }

        return rules;
    }

    public bool AppliesTo(SlaAlertKind kind, Severity severity) => kind == On && Severities.Contains(severity);
}
