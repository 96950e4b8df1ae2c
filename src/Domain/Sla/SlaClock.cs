using CallMyWay.Voice.Domain.Calendar;

namespace CallMyWay.Voice.Domain.Sla;

/// <summary>
/// The SLA clock of one case: it runs from <see cref="RunningSince"/>, stops while the desk waits for the
/// customer, and keeps in <see cref="Consumed"/> the working time counted before it last stopped.
/// </summary>
/// <param name="Severity">Whose targets and calendar the clock is measured against.</param>
/// <param name="RunningSince">When the clock last started or resumed; null while paused.</param>
/// <param name="Consumed">Working time counted before <see cref="RunningSince"/> (or before the pause).</param>
public sealed record SlaClock(Severity Severity, DateTimeOffset? RunningSince, TimeSpan Consumed)
{
    public bool IsRunning => RunningSince is not null;

    public static SlaClock StartAt(Severity severity, DateTimeOffset at) => new(severity, at, TimeSpan.Zero);

    /// <summary>Stops the clock, banking the working time since it last started. Pausing a paused clock changes nothing.</summary>
    public SlaClock Pause(DateTimeOffset at, SlaPolicy policy, BusinessCalendar business) =>
        RunningSince is { } since
            ? this with { RunningSince = null, Consumed = Consumed + CalendarOf(policy, business).WorkingTimeBetween(since, at) }
            : this;

    /// <summary>Starts the clock again. Resuming a running clock changes nothing.</summary>
    public SlaClock Resume(DateTimeOffset at) => IsRunning ? this : this with { RunningSince = at };

    /// <summary>
    /// Re-grades the case: the working time counted so far (on the old severity's calendar) stays consumed,
    /// and from <paramref name="at"/> the clock runs on the new severity's targets and calendar.
    /// </summary>
    public SlaClock WithSeverity(Severity severity, DateTimeOffset at, SlaPolicy policy, BusinessCalendar business)
    {
        ArgumentNullException.ThrowIfNull(policy);
        _ = policy.For(severity);
        if (severity == Severity)
        {
            return this;
        }

        if (RunningSince is not { } since)
        {
            return this with { Severity = severity };
        }

        var restart = at > since ? at : since;
        return new SlaClock(severity, restart, Consumed + CalendarOf(policy, business).WorkingTimeBetween(since, restart));
    }

    /// <summary>
    /// When attention and resolution are due if the clock keeps running; null while paused. A target already
    /// used up is due at <see cref="RunningSince"/>, never earlier.
    /// </summary>
    public SlaDueTimes? DueTimes(SlaPolicy policy, BusinessCalendar business)
    {
        if (RunningSince is not { } since)
        {
            return null;
        }

        var calendar = CalendarOf(policy, business);
        var target = policy.For(Severity);
        return new SlaDueTimes(
            calendar.Add(since, Remaining(target.Attention)),
            calendar.Add(since, Remaining(target.Resolution)));
    }

    /// <summary>Working time counted against the targets up to <paramref name="now"/>.</summary>
    public TimeSpan Elapsed(DateTimeOffset now, SlaPolicy policy, BusinessCalendar business) =>
        RunningSince is { } since ? Consumed + CalendarOf(policy, business).WorkingTimeBetween(since, now) : Consumed;

    private TimeSpan Remaining(TimeSpan target) => target > Consumed ? target - Consumed : TimeSpan.Zero;

    private ICalendar CalendarOf(SlaPolicy policy, BusinessCalendar business)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return policy.CalendarFor(Severity, business);
    }
}
