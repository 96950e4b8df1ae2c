using System.Collections.Frozen;
using CallMyWay.Voice.Domain.Calendar;

namespace CallMyWay.Voice.Domain.Sla;

/// <summary>The desk's SLA targets, one per severity.</summary>
public sealed class SlaPolicy
{
    /// <exception cref="ArgumentException">
    /// A severity has no target, or a target is not positive, or promises resolution before attention.
    /// </exception>
    public SlaPolicy(IReadOnlyDictionary<Severity, SlaTarget> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        foreach (var severity in Enum.GetValues<Severity>())
        {
            if (!targets.TryGetValue(severity, out var target) || target is null)
            {
                throw new ArgumentException($"The SLA policy has no target for {severity}.", nameof(targets));
            }

            if (target.Attention <= TimeSpan.Zero || target.Resolution <= TimeSpan.Zero)
            {
                throw new ArgumentException(
                    $"The {severity} SLA target must be positive (attention {target.Attention}, resolution {target.Resolution}).",
                    nameof(targets));
            }

            if (target.Resolution < target.Attention)
            {
                throw new ArgumentException(
                    $"The {severity} SLA target resolves ({target.Resolution}) before it attends ({target.Attention}).",
                    nameof(targets));
            }

            if (!Enum.IsDefined(target.Clock))
            {
                throw new ArgumentException($"The {severity} SLA target has an unknown clock {target.Clock}.", nameof(targets));
            }
        }

        Targets = targets.Where(pair => Enum.IsDefined(pair.Key)).ToFrozenDictionary();
    }

    /// <summary>
    /// The seed's targets: S1 1 h / 3 h and S2 1.5 h / 4 h around the clock; S3 and S4 2 h / 4 h in business hours.
    /// </summary>
    public static SlaPolicy Default { get; } = new(new Dictionary<Severity, SlaTarget>
    {
        [Severity.S1] = new(TimeSpan.FromHours(1), TimeSpan.FromHours(3), SlaClockKind.AroundTheClock),
        [Severity.S2] = new(TimeSpan.FromHours(1.5), TimeSpan.FromHours(4), SlaClockKind.AroundTheClock),
        [Severity.S3] = new(TimeSpan.FromHours(2), TimeSpan.FromHours(4), SlaClockKind.BusinessHours),
        [Severity.S4] = new(TimeSpan.FromHours(2), TimeSpan.FromHours(4), SlaClockKind.BusinessHours),
    });

    public IReadOnlyDictionary<Severity, SlaTarget> Targets { get; }

    /// <exception cref="ArgumentOutOfRangeException">Not one of S1–S4.</exception>
    public SlaTarget For(Severity severity) =>
        Targets.TryGetValue(severity, out var target)
            ? target
            : throw new ArgumentOutOfRangeException(nameof(severity), severity, "Severity must be S1, S2, S3 or S4.");

    /// <summary>
    /// The calendar the severity's clock runs on: <paramref name="business"/>, or one that never closes
    /// (expressed in the desk's offset).
    /// </summary>
    public ICalendar CalendarFor(Severity severity, BusinessCalendar business)
    {
        ArgumentNullException.ThrowIfNull(business);
        return For(severity).Clock == SlaClockKind.AroundTheClock ? new AroundTheClockCalendar(business.UtcOffset) : business;
    }
}
