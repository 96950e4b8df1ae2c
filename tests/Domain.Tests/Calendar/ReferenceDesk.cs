namespace CallMyWay.Voice.Domain.Tests.Calendar;

/// <summary>
/// The seed's hours written out naively and walked minute by minute: an independent model to check the
/// day-by-day arithmetic of the real calendar against.
/// </summary>
internal sealed class ReferenceDesk(IReadOnlySet<DateOnly> holidays)
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    /// <summary>Whether the minute starting at <paramref name="at"/> (a whole minute) is open.</summary>
    public bool IsOpenMinute(DateTimeOffset at)
    {
        var local = at.ToOffset(DeskTime.Offset);
        if (holidays.Contains(DateOnly.FromDateTime(local.DateTime)))
        {
            return false;
        }

        var minuteOfDay = (local.Hour * 60) + local.Minute;
        return local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday
            ? minuteOfDay >= 7 * 60 && minuteOfDay < 17 * 60
            : minuteOfDay >= 6 * 60 && minuteOfDay < 21 * 60;
    }

    /// <summary>The end of the minute in which <paramref name="workingTime"/> (whole minutes) is used up.</summary>
    public DateTimeOffset Add(DateTimeOffset start, TimeSpan workingTime)
    {
        var cursor = start;
        var remaining = workingTime;
        while (remaining > TimeSpan.Zero)
        {
            if (IsOpenMinute(cursor))
            {
                remaining -= Minute;
            }

            cursor += Minute;
        }

        return cursor;
    }
}
