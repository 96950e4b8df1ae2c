namespace CallMyWay.Voice.Domain.Calendar;

/// <summary>A calendar that never closes: the clock of the critical severities, which run 24/7.</summary>
public sealed class AroundTheClockCalendar : ICalendar
{
    /// <param name="utcOffset">The offset results are expressed in, so they read like the desk's other times.</param>
    public AroundTheClockCalendar(TimeSpan utcOffset)
    {
        if (utcOffset.Ticks % TimeSpan.TicksPerMinute != 0 || utcOffset.Duration() > TimeSpan.FromHours(14))
        {
            throw new ArgumentOutOfRangeException(
                nameof(utcOffset), utcOffset, "The offset must be a whole number of minutes between -14:00 and +14:00.");
        }

        UtcOffset = utcOffset;
    }

    public static AroundTheClockCalendar Utc { get; } = new(TimeSpan.Zero);

    public TimeSpan UtcOffset { get; }

    public bool IsOpen(DateTimeOffset at) => true;

    public DateTimeOffset Add(DateTimeOffset start, TimeSpan workingTime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingTime, TimeSpan.Zero);
        return (start + workingTime).ToOffset(UtcOffset);
    }

    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to) =>
        to > from ? to - from : TimeSpan.Zero;
}
