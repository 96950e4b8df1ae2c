using System.Collections.Frozen;

namespace CallMyWay.Voice.Domain.Calendar;

/// <summary>
/// When the support desk answers: a fixed UTC offset (the desk keeps GMT-6 all year, no DST), one window
/// for Monday to Friday, one for Saturday and Sunday, and local dates that are closed all day.
/// </summary>
public sealed record BusinessHours
{
    /// <summary>The seed's hours: Mon–Fri 06:00–21:00, Sat–Sun 07:00–17:00, GMT-6, no holidays.</summary>
    public static BusinessHours Default { get; } = new();

    public TimeSpan UtcOffset { get; init; } = TimeSpan.FromHours(-6);

    public DailyWindow Weekdays { get; init; } = new(new TimeOnly(6, 0), new TimeOnly(21, 0));

    public DailyWindow Weekends { get; init; } = new(new TimeOnly(7, 0), new TimeOnly(17, 0));

    /// <summary>Local dates on which the desk is closed all day, whatever the weekday.</summary>
    public IReadOnlySet<DateOnly> Holidays { get; init; } = FrozenSet<DateOnly>.Empty;

    /// <summary>The window for a day of the week, holidays aside.</summary>
    public DailyWindow WindowFor(DayOfWeek day) =>
        day is DayOfWeek.Saturday or DayOfWeek.Sunday ? Weekends : Weekdays;

    /// <summary>The window that applies to a local date: empty on a holiday.</summary>
    public DailyWindow WindowOn(DateOnly date) =>
        Holidays.Contains(date) ? DailyWindow.Closed : WindowFor(date.DayOfWeek);
}
