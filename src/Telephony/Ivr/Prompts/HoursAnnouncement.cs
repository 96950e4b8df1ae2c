using CallMyWay.Voice.Domain.Calendar;

namespace CallMyWay.Voice.Telephony.Ivr.Prompts;

/// <summary>The desk's configured hours and next opening as sequences of prompt keys, for the closed-hours greeting and the callback offer.</summary>
internal static class HoursAnnouncement
{
    /// <summary>
    /// "Our hours are: Monday to Friday, from 6 A M to 9 P M, and Saturday and Sunday, from 7 A M to 5 P M, GMT minus 6."
    /// Hours the catalogue cannot say (not on the hour, or not recorded) send the caller to the website instead.
    /// </summary>
    public static IReadOnlyList<string> Of(BusinessHours hours)
    {
        ArgumentNullException.ThrowIfNull(hours);
        if (!IsSayable(hours.Weekdays) || !IsSayable(hours.Weekends))
        {
            return [PromptKeys.HoursSeeWebsite];
        }

        var keys = new List<string> { PromptKeys.HoursIntro };
        AddWindow(keys, hours.Weekdays, PromptKeys.HoursWeekdays, PromptKeys.HoursWeekdaysAllDay, PromptKeys.HoursWeekdaysClosed);
        AddWindow(keys, hours.Weekends, PromptKeys.HoursWeekends, PromptKeys.HoursWeekendsAllDay, PromptKeys.HoursWeekendsClosed);
        keys.AddRange(TimeZone(hours.UtcOffset));
        return keys;
    }

    /// <summary>"GMT minus 6"; empty for an offset the catalogue cannot name.</summary>
    public static IReadOnlyList<string> TimeZone(TimeSpan offset) =>
        offset.Ticks % TimeSpan.TicksPerHour == 0 && PromptKeys.TimeZoneHours.Contains((int)offset.TotalHours)
            ? [PromptKeys.TimeZone((int)offset.TotalHours)]
            : [];

    /// <summary>"today at 6 A M", "on Monday at 7 A M"; empty when the opening is not on a recorded hour.</summary>
    public static IReadOnlyList<string> Opening(DateTimeOffset opening, DateTimeOffset now)
    {
        if (opening.Minute != 0 || opening.Second != 0 || !PromptKeys.ClockHours.Contains(opening.Hour))
        {
            return [];
        }

        var today = DateOnly.FromDateTime(now.ToOffset(opening.Offset).DateTime);
        return [PromptKeys.Day(DateOnly.FromDateTime(opening.DateTime), today), PromptKeys.Clock(opening.Hour)];
    }

    private static void AddWindow(List<string> keys, DailyWindow window, string from, string allDay, string closed)
    {
        if (window.IsClosedAllDay)
        {
            keys.Add(closed);
        }
        else if (window == DailyWindow.AllDay)
        {
            keys.Add(allDay);
        }
        else
        {
            keys.AddRange([from, PromptKeys.Clock(window.Open.Hour), PromptKeys.HoursTo, PromptKeys.Clock(CloseHour(window))]);
        }
    }

    private static bool IsSayable(DailyWindow window) =>
        window.IsClosedAllDay
        || window == DailyWindow.AllDay
        || (IsOnTheHour(window.Open) && (window.Close == DailyWindow.EndOfDay || IsOnTheHour(window.Close))
            && PromptKeys.ClockHours.Contains(window.Open.Hour) && PromptKeys.ClockHours.Contains(CloseHour(window)));

    private static bool IsOnTheHour(TimeOnly time) => time.Minute == 0 && time.Second == 0 && time.Millisecond == 0;

    private static int CloseHour(DailyWindow window) => window.Close == DailyWindow.EndOfDay ? 24 : window.Close.Hour;
}
