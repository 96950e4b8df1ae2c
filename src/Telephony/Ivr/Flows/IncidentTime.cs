using System.Globalization;
using CallMyWay.Voice.Telephony.Ivr.Prompts;

namespace CallMyWay.Voice.Telephony.Ivr.Flows;

/// <summary>
/// When an incident happened, as typed: <c>#</c> alone for now, or <c>DDHHMM</c> (day of the month, hour, minute) in
/// the desk's offset (CONTRACT.md: GMT-6) within the last 31 days.
/// </summary>
internal static class IncidentTime
{
    public const int Length = 6;

    private static readonly TimeSpan Window = TimeSpan.FromDays(31);

    /// <summary>Resolves <paramref name="digits"/> against <paramref name="now"/>; false with the complaint's prompt key when it is no valid past time.</summary>
    /// <remarks>
    /// A day up to today's is this month's, a later day last month's: the latest such instant, which is always within
    /// 31 days. Today's day with a later hour is in the future and refused, not moved back a month.
    /// </remarks>
    public static bool TryResolve(string digits, DateTimeOffset now, TimeSpan offset, out DateTimeOffset occurredAt, out string complaint)
    {
        ArgumentNullException.ThrowIfNull(digits);
        var local = now.ToOffset(offset);
        occurredAt = default;
        complaint = string.Empty;
        if (digits.Length == 0)
        {
            occurredAt = new DateTimeOffset(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, offset);
            return true;
        }

        if (digits.Length != Length
            || !int.TryParse(digits.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || !int.TryParse(digits.AsSpan(2, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hour)
            || !int.TryParse(digits.AsSpan(4, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var minute)
            || day is < 1 or > 31 || hour > 23 || minute > 59)
        {
            complaint = PromptKeys.IncidentWhenInvalid;
            return false;
        }

        var month = day <= local.Day ? new DateOnly(local.Year, local.Month, 1) : new DateOnly(local.Year, local.Month, 1).AddMonths(-1);
        if (day > DateTime.DaysInMonth(month.Year, month.Month))
        {
            complaint = PromptKeys.IncidentWhenInvalid;
            return false;
        }

        var candidate = new DateTimeOffset(month.Year, month.Month, day, hour, minute, 0, offset);
        if (candidate > local)
        {
            complaint = PromptKeys.IncidentWhenFuture;
            return false;
        }

        if (local - candidate > Window)
        {
            complaint = PromptKeys.IncidentWhenInvalid;
            return false;
        }

        occurredAt = candidate;
        return true;
    }
}
