using CallMyWay.Voice.Domain.Calendar;
using CallMyWay.Voice.Domain.Sla;
using static CallMyWay.Voice.Domain.Tests.Calendar.DeskTime;

namespace CallMyWay.Voice.Domain.Tests.Sla;

public class SlaClockTests
{
    private static readonly SlaPolicy Policy = SlaPolicy.Default;
    private static readonly BusinessCalendar Desk = new(BusinessHours.Default);

    private static SlaDueTimes Due(SlaClock clock) =>
        clock.DueTimes(Policy, Desk) ?? throw new InvalidOperationException("The clock should be running.");

    [Fact]
    public void A_started_clock_runs_with_nothing_consumed()
    {
        var clock = SlaClock.StartAt(Severity.S2, At("2026-11-26 10:00"));

        Assert.True(clock.IsRunning);
        Assert.Equal(At("2026-11-26 10:00"), clock.RunningSince);
        Assert.Equal(TimeSpan.Zero, clock.Consumed);
        Assert.Equal(Severity.S2, clock.Severity);
    }

    [Theory]
    // Thursday 10:00, inside hours: every clock simply adds.
    [InlineData(Severity.S1, "2026-11-26 10:00", "2026-11-26 11:00", "2026-11-26 13:00")]
    [InlineData(Severity.S2, "2026-11-26 10:00", "2026-11-26 11:30", "2026-11-26 14:00")]
    [InlineData(Severity.S3, "2026-11-26 10:00", "2026-11-26 12:00", "2026-11-26 14:00")]
    [InlineData(Severity.S4, "2026-11-26 10:00", "2026-11-26 12:00", "2026-11-26 14:00")]
    // Friday 22:00, closed: S1 and S2 run through the night, S3 and S4 wait for Saturday 07:00.
    [InlineData(Severity.S1, "2026-11-27 22:00", "2026-11-27 23:00", "2026-11-28 01:00")]
    [InlineData(Severity.S2, "2026-11-27 22:00", "2026-11-27 23:30", "2026-11-28 02:00")]
    [InlineData(Severity.S3, "2026-11-27 22:00", "2026-11-28 09:00", "2026-11-28 11:00")]
    [InlineData(Severity.S4, "2026-11-27 22:00", "2026-11-28 09:00", "2026-11-28 11:00")]
    // Thursday 20:00, an hour before closing: S3 spills into Friday morning.
    [InlineData(Severity.S3, "2026-11-26 20:00", "2026-11-27 07:00", "2026-11-27 09:00")]
    [InlineData(Severity.S1, "2026-11-26 20:00", "2026-11-26 21:00", "2026-11-26 23:00")]
    public void Due_times_follow_the_severity_targets_and_calendar(Severity severity, string start, string attention, string resolution)
    {
        var due = Due(SlaClock.StartAt(severity, At(start)));

        Equal(attention, due.AttentionDue);
        Equal(resolution, due.ResolutionDue);
    }

    [Fact]
    public void Due_times_are_in_desk_time_for_a_start_given_in_UTC()
    {
        // 04:00Z Saturday is Friday 22:00 at GMT-6.
        var s1 = Due(SlaClock.StartAt(Severity.S1, Iso("2026-11-28T04:00:00Z")));
        var s3 = Due(SlaClock.StartAt(Severity.S3, Iso("2026-11-28T04:00:00Z")));

        Equal("2026-11-27 23:00", s1.AttentionDue);
        Equal("2026-11-28 09:00", s3.AttentionDue);
    }

    [Fact]
    public void A_paused_clock_has_no_due_times_and_banks_the_working_time()
    {
        var paused = SlaClock.StartAt(Severity.S3, At("2026-11-26 20:00")).Pause(At("2026-11-27 07:00"), Policy, Desk);

        Assert.False(paused.IsRunning);
        Assert.Null(paused.RunningSince);
        Assert.Equal(TimeSpan.FromHours(2), paused.Consumed);
        Assert.Null(paused.DueTimes(Policy, Desk));
    }

    [Fact]
    public void Pause_and_resume_shift_due_times_by_the_paused_working_time()
    {
        var started = SlaClock.StartAt(Severity.S3, At("2026-11-23 19:30"));
        Equal("2026-11-24 06:30", Due(started).AttentionDue);
        Equal("2026-11-24 08:30", Due(started).ResolutionDue);

        // Waiting for the customer from Monday 20:00 to Tuesday 07:00 holds 2 h of working time (20–21, 06–07).
        var resumed = started.Pause(At("2026-11-23 20:00"), Policy, Desk).Resume(At("2026-11-24 07:00"));

        Assert.Equal(TimeSpan.FromMinutes(30), resumed.Consumed);
        Equal("2026-11-24 08:30", Due(resumed).AttentionDue);
        Equal("2026-11-24 10:30", Due(resumed).ResolutionDue);
    }

    [Fact]
    public void An_around_the_clock_pause_shifts_by_wall_clock_time()
    {
        var resumed = SlaClock.StartAt(Severity.S1, At("2026-11-27 22:00"))
            .Pause(At("2026-11-27 22:20"), Policy, Desk)
            .Resume(At("2026-11-28 03:00"));

        Assert.Equal(TimeSpan.FromMinutes(20), resumed.Consumed);
        Equal("2026-11-28 03:40", Due(resumed).AttentionDue);
        Equal("2026-11-28 05:40", Due(resumed).ResolutionDue);
    }

    [Fact]
    public void Several_pauses_add_up()
    {
        var clock = SlaClock.StartAt(Severity.S4, At("2026-11-26 09:00"))
            .Pause(At("2026-11-26 09:45"), Policy, Desk)
            .Resume(At("2026-11-26 11:00"))
            .Pause(At("2026-11-26 11:30"), Policy, Desk)
            .Resume(At("2026-11-26 15:00"));

        Assert.Equal(TimeSpan.FromMinutes(75), clock.Consumed);
        Equal("2026-11-26 15:45", Due(clock).AttentionDue);
        Equal("2026-11-26 17:45", Due(clock).ResolutionDue);
    }

    [Fact]
    public void Pausing_a_paused_clock_or_resuming_a_running_one_changes_nothing()
    {
        var running = SlaClock.StartAt(Severity.S3, At("2026-11-26 10:00"));
        var paused = running.Pause(At("2026-11-26 11:00"), Policy, Desk);

        Assert.Same(running, running.Resume(At("2026-11-26 10:30")));
        Assert.Same(paused, paused.Pause(At("2026-11-26 12:00"), Policy, Desk));
        Assert.Equal(TimeSpan.FromHours(1), paused.Consumed);
    }

    [Fact]
    public void A_target_already_used_up_is_due_when_the_clock_resumes_never_earlier()
    {
        var clock = SlaClock.StartAt(Severity.S3, At("2026-11-26 08:00"))
            .Pause(At("2026-11-26 11:00"), Policy, Desk)
            .Resume(At("2026-11-26 16:00"));

        Equal("2026-11-26 16:00", Due(clock).AttentionDue);
        Equal("2026-11-26 17:00", Due(clock).ResolutionDue);
    }

    [Fact]
    public void Elapsed_counts_working_time_on_the_severity_calendar()
    {
        var s3 = SlaClock.StartAt(Severity.S3, At("2026-11-26 20:00"));
        var s1 = SlaClock.StartAt(Severity.S1, At("2026-11-26 20:00"));

        Assert.Equal(TimeSpan.FromHours(2), s3.Elapsed(At("2026-11-27 07:00"), Policy, Desk));
        Assert.Equal(TimeSpan.FromHours(11), s1.Elapsed(At("2026-11-27 07:00"), Policy, Desk));
        var paused = s3.Pause(At("2026-11-26 20:30"), Policy, Desk);
        Assert.Equal(TimeSpan.FromMinutes(30), paused.Elapsed(At("2026-11-30 12:00"), Policy, Desk));
    }

    [Fact]
    public void Raising_severity_keeps_the_time_consumed_and_applies_the_new_targets()
    {
        var regraded = SlaClock.StartAt(Severity.S3, At("2026-11-27 10:00"))
            .WithSeverity(Severity.S1, At("2026-11-27 11:00"), Policy, Desk);

        Assert.Equal(Severity.S1, regraded.Severity);
        Assert.Equal(TimeSpan.FromHours(1), regraded.Consumed);
        Assert.Equal(At("2026-11-27 11:00"), regraded.RunningSince);
        // S1's hour of attention is already used up: due now, not in the past.
        Equal("2026-11-27 11:00", Due(regraded).AttentionDue);
        Equal("2026-11-27 13:00", Due(regraded).ResolutionDue);
    }

    [Fact]
    public void Lowering_severity_moves_the_clock_onto_business_hours()
    {
        var regraded = SlaClock.StartAt(Severity.S1, At("2026-11-27 20:00"))
            .WithSeverity(Severity.S4, At("2026-11-27 20:30"), Policy, Desk);

        Assert.Equal(TimeSpan.FromMinutes(30), regraded.Consumed);
        Equal("2026-11-28 08:00", Due(regraded).AttentionDue);
        Equal("2026-11-28 10:00", Due(regraded).ResolutionDue);
    }

    [Fact]
    public void Time_before_a_regrade_is_counted_on_the_old_severity_calendar()
    {
        // Friday 22:00–22:30 is closed, but S1 counts it; S3 then waits for Saturday's opening.
        var regraded = SlaClock.StartAt(Severity.S1, At("2026-11-27 22:00"))
            .WithSeverity(Severity.S3, At("2026-11-27 22:30"), Policy, Desk);

        Assert.Equal(TimeSpan.FromMinutes(30), regraded.Consumed);
        Equal("2026-11-28 08:30", Due(regraded).AttentionDue);
        Equal("2026-11-28 10:30", Due(regraded).ResolutionDue);
    }

    [Fact]
    public void Regrading_a_paused_clock_changes_only_the_targets_it_resumes_with()
    {
        var paused = SlaClock.StartAt(Severity.S4, At("2026-11-26 10:00")).Pause(At("2026-11-26 10:30"), Policy, Desk);

        var regraded = paused.WithSeverity(Severity.S2, At("2026-11-26 22:00"), Policy, Desk);

        Assert.Equal(new SlaClock(Severity.S2, null, TimeSpan.FromMinutes(30)), regraded);
        var resumed = regraded.Resume(At("2026-11-26 22:00"));
        Equal("2026-11-26 23:00", Due(resumed).AttentionDue);
        Equal("2026-11-27 01:30", Due(resumed).ResolutionDue);
    }

    [Fact]
    public void Regrading_to_the_same_severity_changes_nothing()
    {
        var clock = SlaClock.StartAt(Severity.S3, At("2026-11-26 10:00"));

        Assert.Same(clock, clock.WithSeverity(Severity.S3, At("2026-11-26 12:00"), Policy, Desk));
    }

    [Fact]
    public void Regrading_to_an_undefined_severity_is_refused()
    {
        var clock = SlaClock.StartAt(Severity.S3, At("2026-11-26 10:00"));

        Assert.Throws<ArgumentOutOfRangeException>(() => clock.WithSeverity((Severity)0, At("2026-11-26 12:00"), Policy, Desk));
    }

    [Fact]
    public void A_custom_policy_drives_the_due_times()
    {
        var policy = new SlaPolicy(new Dictionary<Severity, SlaTarget>
        {
            [Severity.S1] = new(TimeSpan.FromMinutes(15), TimeSpan.FromHours(1), SlaClockKind.BusinessHours),
            [Severity.S2] = new(TimeSpan.FromHours(1), TimeSpan.FromHours(4), SlaClockKind.AroundTheClock),
            [Severity.S3] = new(TimeSpan.FromHours(2), TimeSpan.FromHours(4), SlaClockKind.BusinessHours),
            [Severity.S4] = new(TimeSpan.FromHours(2), TimeSpan.FromHours(4), SlaClockKind.BusinessHours),
        });

        var due = SlaClock.StartAt(Severity.S1, At("2026-11-27 22:00")).DueTimes(policy, Desk);

        Assert.NotNull(due);
        Equal("2026-11-28 07:15", due.AttentionDue);
        Equal("2026-11-28 08:00", due.ResolutionDue);
    }
}
