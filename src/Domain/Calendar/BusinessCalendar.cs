using System.Collections.Frozen;

namespace CallMyWay.Voice.Domain.Calendar;

/// <summary>
/// The desk's business hours as a calendar: which instants are open, and working-time arithmetic that
/// skips nights, weekends' shorter hours and holidays. Results are expressed in the desk's UTC offset.
/// </summary>
/// <remarks>
/// An open period is a maximal stretch of open time: a window that closes at 24:00 runs on into the next
/// day's window when that one opens at 00:00. Every search walks whole days, and ends: beyond the last
/// holiday the week repeats, so a week past it without the sought change means there is none.
/// </remarks>
public sealed class BusinessCalendar : ICalendar
{
    private readonly FrozenSet<DateOnly> _holidays;
    private readonly DateOnly _lastHoliday;

    /// <exception cref="ArgumentException">
    /// The offset is not a whole number of minutes within ±14 h, or neither window has any open time.
    /// </exception>
    public BusinessCalendar(BusinessHours hours)
    {
        ArgumentNullException.ThrowIfNull(hours);
        if (hours.UtcOffset.Ticks % TimeSpan.TicksPerMinute != 0 || hours.UtcOffset.Duration() > TimeSpan.FromHours(14))
        {
            throw new ArgumentException(
                $"Business hours' UTC offset {hours.UtcOffset} must be a whole number of minutes between -14:00 and +14:00.",
                nameof(hours));
        }

        if (hours.Weekdays.IsClosedAllDay && hours.Weekends.IsClosedAllDay)
        {
            // Holidays can only close days, so the desk would never open and no deadline could be computed.
            throw new ArgumentException(
                "Business hours have no open time: the weekday and the weekend windows are both closed.",
                nameof(hours));
        }

        // A copy, so that a caller mutating its set afterwards cannot change this calendar.
        _holidays = (hours.Holidays ?? FrozenSet<DateOnly>.Empty).ToFrozenSet();
        _lastHoliday = _holidays.Count == 0 ? DateOnly.MinValue : _holidays.Max();
        Hours = hours with { Holidays = _holidays };
    }

    public BusinessHours Hours { get; }

    public TimeSpan UtcOffset => Hours.UtcOffset;

    public bool IsOpen(DateTimeOffset at)
    {
        var local = ToLocal(at);
        return WindowOn(DateOf(local)) is { } window && local >= window.Open && local < window.Close;
    }

    /// <summary>
    /// Open now: <paramref name="at"/> itself (in the desk's offset). Closed: the start of the next open period.
    /// </summary>
    public DateTimeOffset CurrentOrNextOpen(DateTimeOffset at)
    {
        var local = ToLocal(at);
        var window = FirstWindowEndingAfter(local);
        return local >= window.Open ? local : window.Open;
    }

    /// <summary>
    /// The next time the desk opens. Closed: the start of the next open period. Open: the start of the
    /// period after the current one, i.e. the next opening after <see cref="NextClose"/>; never
    /// <paramref name="at"/> itself (for that, see <see cref="CurrentOrNextOpen"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">Open now and never closing again.</exception>
    public DateTimeOffset NextOpen(DateTimeOffset at)
    {
        var local = ToLocal(at);
        var window = FirstWindowEndingAfter(local);
        return local < window.Open
            ? window.Open
            : FirstWindowEndingAfter(EndOfPeriod(window.Day, window.Close)).Open;
    }

    /// <summary>Open: the end of the current open period. Closed: the end of the next one.</summary>
    /// <exception cref="InvalidOperationException">The desk never closes again (24-hour windows every day from some date on).</exception>
    public DateTimeOffset NextClose(DateTimeOffset at)
    {
        var window = FirstWindowEndingAfter(ToLocal(at));
        return EndOfPeriod(window.Day, window.Close);
    }

    public DateTimeOffset Add(DateTimeOffset start, TimeSpan workingTime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingTime, TimeSpan.Zero);
        var local = ToLocal(start);
        if (workingTime == TimeSpan.Zero)
        {
            return local;
        }

        var remaining = workingTime;
        var limit = SearchLimit(DateOf(local));
        for (var day = DateOf(local); ; day = day.AddDays(1))
        {
            if (WindowOn(day) is { } window && window.Close > local)
            {
                var from = local > window.Open ? local : window.Open;
                var available = window.Close - from;
                if (remaining <= available)
                {
                    return from + remaining;
                }

                remaining -= available;
                limit = SearchLimit(day);
            }
            else if (day > limit)
            {
                throw NeverOpens(start);
            }
        }
    }

    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        var localFrom = ToLocal(from);
        var localTo = ToLocal(to);
        var total = TimeSpan.Zero;
        for (var day = DateOf(localFrom); day <= DateOf(localTo); day = day.AddDays(1))
        {
            if (WindowOn(day) is { } window)
            {
                var start = localFrom > window.Open ? localFrom : window.Open;
                var end = localTo < window.Close ? localTo : window.Close;
                if (end > start)
                {
                    total += end - start;
                }
            }
        }

        return total;
    }

    /// <summary>The day's window containing <paramref name="local"/>, else the first one after it.</summary>
    private (DateOnly Day, DateTimeOffset Open, DateTimeOffset Close) FirstWindowEndingAfter(DateTimeOffset local)
    {
        var limit = SearchLimit(DateOf(local));
        for (var day = DateOf(local); day <= limit; day = day.AddDays(1))
        {
            if (WindowOn(day) is { } window && window.Close > local)
            {
                return (day, window.Open, window.Close);
            }
        }

        throw NeverOpens(local);
    }

    /// <summary>Follows a period that closes at midnight into the next day's window when that opens at 00:00.</summary>
    private DateTimeOffset EndOfPeriod(DateOnly day, DateTimeOffset close)
    {
        var limit = SearchLimit(day);
        while (close == MidnightStarting(day.AddDays(1)))
        {
            day = day.AddDays(1);
            if (day > limit)
            {
                throw new InvalidOperationException(
                    "The business calendar never closes again: every day ahead is open 00:00-24:00 and no holiday is left.");
            }

            if (WindowOn(day) is not { } next || next.Open != close)
            {
                break;
            }

            close = next.Close;
        }

        return close;
    }

    /// <summary>The day's open interval in the desk's offset, or null when closed all day.</summary>
    private (DateTimeOffset Open, DateTimeOffset Close)? WindowOn(DateOnly day)
    {
        var window = _holidays.Contains(day) ? DailyWindow.Closed : Hours.WindowFor(day.DayOfWeek);
        if (window.IsClosedAllDay)
        {
            return null;
        }

        var midnight = MidnightStarting(day);
        return (midnight + window.OpenOffset, midnight + window.CloseOffset);
    }

    /// <summary>
    /// A day beyond which walking on is pointless: past the last holiday, any seven days hold both a weekday
    /// and a weekend day, and the constructor ensures one of those windows is open.
    /// </summary>
    private DateOnly SearchLimit(DateOnly from) => (from > _lastHoliday ? from : _lastHoliday).AddDays(8);

    private DateTimeOffset MidnightStarting(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), UtcOffset);

    private DateTimeOffset ToLocal(DateTimeOffset at) => at.ToOffset(UtcOffset);

    private static DateOnly DateOf(DateTimeOffset local) => DateOnly.FromDateTime(local.DateTime);

    private static InvalidOperationException NeverOpens(DateTimeOffset at) =>
        new($"The business calendar has no open time after {at:O}.");
}
