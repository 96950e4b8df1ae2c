namespace CallMyWay.Voice.Domain.Calendar;

/// <summary>The time an SLA clock runs on: when it counts, and how counted time maps onto wall-clock time.</summary>
public interface ICalendar
{
    /// <summary>Whether working time is being counted at that instant.</summary>
    bool IsOpen(DateTimeOffset at);

    /// <summary>
    /// The earliest instant <c>t ≥ start</c> such that <see cref="WorkingTimeBetween"/>(start, t) equals
    /// <paramref name="workingTime"/>: closed periods are skipped, and from a closed instant counting begins
    /// at the next opening. Zero working time returns <paramref name="start"/> itself.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workingTime"/> is negative.</exception>
    DateTimeOffset Add(DateTimeOffset start, TimeSpan workingTime);

    /// <summary>Working time in [<paramref name="from"/>, <paramref name="to"/>); zero when <paramref name="to"/> is not after <paramref name="from"/>.</summary>
    TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to);
}
