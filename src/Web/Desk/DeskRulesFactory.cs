using System.Globalization;
using CallMyWay.Voice.Domain.Calendar;
using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Domain.Sla;

namespace CallMyWay.Voice.Web.Desk;

/// <summary>Turns the <c>BusinessHours</c> and <c>Sla</c> sections into the domain's rules, naming the key of any bad value.</summary>
public static class DeskRulesFactory
{
    public static DeskRules Create(BusinessHoursOptions hours, SlaOptions sla)
    {
        ArgumentNullException.ThrowIfNull(hours);
        ArgumentNullException.ThrowIfNull(sla);
        var businessHours = new BusinessHours
        {
            UtcOffset = ParseOffset(hours.TimeZone),
            Weekdays = ParseWindow("BusinessHours:Weekdays", hours.Weekdays),
            Weekends = ParseWindow("BusinessHours:Weekends", hours.Weekends),
            Holidays = ParseHolidays(hours.Holidays),
        };
        return new DeskRules(new BusinessCalendar(businessHours), CreatePolicy(sla));
    }

    private static SlaPolicy CreatePolicy(SlaOptions options)
    {
        var defaults = SlaPolicy.Default;
        var targets = new Dictionary<Severity, SlaTarget>();
        foreach (var (severity, configured) in new[] { (Severity.S1, options.S1), (Severity.S2, options.S2), (Severity.S3, options.S3), (Severity.S4, options.S4) })
        {
            var target = defaults.For(severity);
            if (configured is not null)
            {
                var key = $"Sla:{severity}";
                var clock = target.Clock;
                if (configured.Clock is not null && !Enum.TryParse(configured.Clock, ignoreCase: true, out clock))
                {
                    throw new InvalidOperationException($"{key}:Clock must be AroundTheClock or BusinessHours, not \"{configured.Clock}\".");
                }

                target = new SlaTarget(configured.Attention ?? target.Attention, configured.Resolution ?? target.Resolution, clock);
                if (target.Attention <= TimeSpan.Zero || target.Resolution < target.Attention)
                {
                    throw new InvalidOperationException($"{key}: attention must be positive and no longer than resolution.");
                }
            }

            targets[severity] = target;
        }

        return new SlaPolicy(targets);
    }

    private static TimeSpan ParseOffset(string text)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed is "Z" or "UTC")
        {
            return TimeSpan.Zero;
        }

        var negative = trimmed.StartsWith('-');
        var unsigned = trimmed.TrimStart('+', '-');
        if (!TimeSpan.TryParseExact(unsigned, @"hh\:mm", CultureInfo.InvariantCulture, out var offset) || offset > TimeSpan.FromHours(14))
        {
            throw new InvalidOperationException($"BusinessHours:TimeZone must be a fixed UTC offset such as -06:00, not \"{text}\".");
        }

        return negative ? -offset : offset;
    }

    private static DailyWindow ParseWindow(string key, string text)
    {
        try
        {
            return DailyWindow.Parse(text);
        }
        catch (FormatException ex)
        {
            throw new InvalidOperationException($"{key}: {ex.Message}", ex);
        }
    }

    private static HashSet<DateOnly> ParseHolidays(IEnumerable<string> texts)
    {
        var holidays = new HashSet<DateOnly>();
        foreach (var text in texts)
        {
            if (!DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                throw new InvalidOperationException($"BusinessHours:Holidays: \"{text}\" is not a date in yyyy-MM-dd form.");
            }

            holidays.Add(day);
        }

        return holidays;
    }
}
