using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Domain.Common;

namespace CallMyWay.Voice.Domain.Sla;

/// <summary>
/// SLA compliance over a period, by severity, country, channel and level: how many attention and resolution
/// targets were met, breached or are still running. A target counts as breached as soon as its due time passes
/// unmet, even if the case is still open.
/// </summary>
public sealed record SlaComplianceReport(
    DateTimeOffset From,
    DateTimeOffset To,
    SlaComplianceRow Total,
    IReadOnlyList<SlaComplianceRow> BySeverity,
    IReadOnlyList<SlaComplianceRow> ByCountry,
    IReadOnlyList<SlaComplianceRow> ByChannel,
    IReadOnlyList<SlaComplianceRow> ByLevel)
{
    /// <summary>Builds the report from the cases created in [from, to), judged at <paramref name="now"/>.</summary>
    public static SlaComplianceReport Build(IEnumerable<SupportCase> cases, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var inPeriod = cases.Where(c => c.CreatedAt >= from && c.CreatedAt < to).ToList();
        return new SlaComplianceReport(
            from,
            to,
            Row("all", inPeriod, now),
            Group(inPeriod, c => c.Severity.ToString(), now),
            Group(inPeriod, c => c.Country ?? "unknown", now),
            Group(inPeriod, c => ContractName.Of(c.Channel), now),
            Group(inPeriod, c => ((int)c.Level).ToString(System.Globalization.CultureInfo.InvariantCulture), now));
    }

    public static SlaOutcome AttentionOutcome(SupportCase supportCase, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(supportCase);
        return Outcome(supportCase.AttentionDue, supportCase.AttendedAt, now);
    }

    public static SlaOutcome ResolutionOutcome(SupportCase supportCase, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(supportCase);
        return Outcome(supportCase.ResolutionDue, supportCase.ResolvedAt ?? supportCase.ClosedAt, now);
    }

    private static SlaOutcome Outcome(DateTimeOffset? due, DateTimeOffset? doneAt, DateTimeOffset now) => (due, doneAt) switch
    {
        (null, _) => SlaOutcome.NotStarted,
        ({ } d, { } done) => done <= d ? SlaOutcome.Met : SlaOutcome.Breached,
        ({ } d, null) => now > d ? SlaOutcome.Breached : SlaOutcome.Pending,
    };

    private static List<SlaComplianceRow> Group(List<SupportCase> cases, Func<SupportCase, string> key, DateTimeOffset now) =>
        cases.GroupBy(key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Row(g.Key, g, now)).ToList();

    private static SlaComplianceRow Row(string key, IEnumerable<SupportCase> cases, DateTimeOffset now)
    {
        int count = 0, am = 0, ab = 0, ap = 0, rm = 0, rb = 0, rp = 0;
        foreach (var c in cases)
        {
            count++;
            Tally(AttentionOutcome(c, now), ref am, ref ab, ref ap);
            Tally(ResolutionOutcome(c, now), ref rm, ref rb, ref rp);
        }

        return new SlaComplianceRow(key, count, am, ab, ap, rm, rb, rp);
    }

    private static void Tally(SlaOutcome outcome, ref int met, ref int breached, ref int pending)
    {
        switch (outcome)
        {
            case SlaOutcome.Met:
                met++;
                break;
            case SlaOutcome.Breached:
                breached++;
                break;
            case SlaOutcome.Pending:
                pending++;
                break;
            case SlaOutcome.NotStarted:
                break;
        }
    }
}
