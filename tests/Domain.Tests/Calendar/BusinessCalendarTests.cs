using CallMyWay.Voice.Domain.Calendar;
using static CallMyWay.Voice.Domain.Tests.Calendar.DeskTime;

namespace CallMyWay.Voice.Domain.Tests.Calendar;

public class BusinessCalendarTests
{
    private static readonly BusinessCalendar Desk = new(BusinessHours.Default);

    private static BusinessCalendar WithHolidays(params string[] dates) =>
        new(BusinessHours.Default with { Holidays = dates.Select(Date).ToHashSet() });

    [Theory]
    [InlineData("2026-11-23", DayOfWeek.Monday)]
    [InlineData("2026-11-26", DayOfWeek.Thursday)]
    [InlineData("2026-11-27", DayOfWeek.Friday)]
    [InlineData("2026-11-28", DayOfWeek.Saturday)]
    [InlineData("2026-11-29", DayOfWeek.Sunday)]
    [InlineData("2026-11-30", DayOfWeek.Monday)]
    [InlineData("2026-12-01", DayOfWeek.Tuesday)]
    [InlineData("2026-12-07", DayOfWeek.Monday)]
    public void Test_dates_fall_on_the_weekdays_the_tests_assume(string date, DayOfWeek expected)
    {
        Assert.Equal(expected, Date(date).DayOfWeek);
    }

    [Fact]
    public void Default_hours_are_the_seed_hours()
    {
        var hours = BusinessHours.Default;

        Assert.Equal(TimeSpan.FromHours(-6), hours.UtcOffset);
        Assert.Equal(DailyWindow.Parse("06:00-21:00"), hours.Weekdays);
        Assert.Equal(DailyWindow.Parse("07:00-17:00"), hours.Weekends);
        Assert.Empty(hours.Holidays);
    }

    [Theory]
    [InlineData("2026-11-26 05:59", false)]
    [InlineData("2026-11-26 05:59:59", false)]
    [InlineData("2026-11-26 06:00", true)]
    [InlineData("2026-11-26 12:00", true)]
    [InlineData("2026-11-26 20:59:59", true)]
    [InlineData("2026-11-26 21:00", false)]
    [InlineData("2026-11-26 23:59:59", false)]
    [InlineData("2026-11-27 00:00", false)]
    [InlineData("2026-11-28 06:59:59", false)]
    [InlineData("2026-11-28 07:00", true)]
    [InlineData("2026-11-28 16:59:59", true)]
    [InlineData("2026-11-28 17:00", false)]
    [InlineData("2026-11-29 06:30", false)]
    [InlineData("2026-11-29 12:00", true)]
    [InlineData("2026-11-29 20:00", false)]
    [InlineData("2026-11-30 06:00", true)]
    public void Is_open_inside_the_day_window_only(string local, bool open)
    {
        Assert.Equal(open, Desk.IsOpen(At(local)));
    }

    [Theory]
    [InlineData("2026-11-27T03:30:00Z", false)]       // Thursday 21:30 local
    [InlineData("2026-11-27T02:59:59Z", true)]        // Thursday 20:59:59 local
    [InlineData("2026-11-26T12:00:00Z", true)]        // Thursday 06:00 local
    [InlineData("2026-11-26T11:59:00Z", false)]       // Thursday 05:59 local
    [InlineData("2026-11-26T13:00:00+01:00", true)]   // Thursday 06:00 local
    [InlineData("2026-11-28T22:59:00-05:00", false)]  // Saturday 21:59 local
    [InlineData("2026-11-29T00:30:00+09:00", true)]   // Saturday 09:30 local
    public void Instants_in_any_offset_are_judged_in_desk_time(string instant, bool open)
    {
        Assert.Equal(open, Desk.IsOpen(Iso(instant)));
    }

    [Theory]
    [InlineData("2026-11-27 21:00", "2026-11-28 07:00")] // Friday close → Saturday opening
    [InlineData("2026-11-29 17:00", "2026-11-30 06:00")] // Sunday close → Monday opening
    [InlineData("2026-11-26 05:59", "2026-11-26 06:00")]
    [InlineData("2026-11-26 00:00", "2026-11-26 06:00")]
    [InlineData("2026-11-26 23:00", "2026-11-27 06:00")]
    [InlineData("2026-11-28 06:00", "2026-11-28 07:00")]
    [InlineData("2026-11-26 10:00", "2026-11-27 06:00")] // open: the opening after the current period
    [InlineData("2026-11-26 06:00", "2026-11-27 06:00")]
    [InlineData("2026-11-27 10:00", "2026-11-28 07:00")]
    [InlineData("2026-11-29 16:59", "2026-11-30 06:00")]
    public void NextOpen_finds_the_next_opening(string local, string expected)
    {
        Equal(expected, Desk.NextOpen(At(local)));
    }

    [Theory]
    [InlineData("2026-11-26 10:00", "2026-11-26 10:00")]
    [InlineData("2026-11-26 06:00", "2026-11-26 06:00")]
    [InlineData("2026-11-26 21:00", "2026-11-27 06:00")]
    [InlineData("2026-11-27 22:15", "2026-11-28 07:00")]
    public void CurrentOrNextOpen_is_now_when_open_else_the_next_opening(string local, string expected)
    {
        Equal(expected, Desk.CurrentOrNextOpen(At(local)));
    }

    [Theory]
    [InlineData("2026-11-26 10:00", "2026-11-26 21:00")] // open: end of the current period
    [InlineData("2026-11-26 06:00", "2026-11-26 21:00")]
    [InlineData("2026-11-26 05:00", "2026-11-26 21:00")] // closed: end of the next period
    [InlineData("2026-11-26 21:00", "2026-11-27 21:00")]
    [InlineData("2026-11-27 22:00", "2026-11-28 17:00")]
    [InlineData("2026-11-28 17:00", "2026-11-29 17:00")]
    [InlineData("2026-11-29 18:00", "2026-11-30 21:00")]
    public void NextClose_is_the_end_of_the_current_or_next_period(string local, string expected)
    {
        Equal(expected, Desk.NextClose(At(local)));
    }

    [Fact]
    public void Answers_are_in_the_desk_offset_whatever_the_input_offset()
    {
        var thursdayNight = Iso("2026-11-27T03:30:00Z");

        Equal("2026-11-27 06:00", Desk.NextOpen(thursdayNight));
        Equal("2026-11-27 06:00", Desk.CurrentOrNextOpen(thursdayNight));
        Equal("2026-11-27 21:00", Desk.NextClose(thursdayNight));
        Equal("2026-11-26 12:00", Desk.CurrentOrNextOpen(Iso("2026-11-26T18:00:00Z")));
    }

    [Fact]
    public void A_holiday_Monday_opens_on_Tuesday()
    {
        var calendar = WithHolidays("2026-11-30");

        Assert.False(calendar.IsOpen(At("2026-11-30 12:00")));
        Equal("2026-12-01 06:00", calendar.NextOpen(At("2026-11-29 17:00")));
        Equal("2026-12-01 06:00", calendar.NextOpen(At("2026-11-30 06:00")));
        Equal("2026-11-29 17:00", calendar.NextClose(At("2026-11-29 12:00")));
        Equal("2026-12-01 21:00", calendar.NextClose(At("2026-11-29 18:00")));
    }

    [Fact]
    public void Two_holidays_in_a_row_are_both_skipped()
    {
        var calendar = WithHolidays("2026-11-30", "2026-12-01");

        Equal("2026-12-02 06:00", calendar.NextOpen(At("2026-11-29 17:00")));
        Assert.False(calendar.IsOpen(At("2026-12-01 10:00")));
    }

    [Fact]
    public void A_week_of_holidays_is_skipped()
    {
        var calendar = WithHolidays(
            "2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05", "2026-12-06");

        Equal("2026-12-07 06:00", calendar.NextOpen(At("2026-11-29 17:00")));
        Equal("2026-12-07 06:00", calendar.CurrentOrNextOpen(At("2026-12-03 12:00")));
        Equal("2026-12-07 21:00", calendar.NextClose(At("2026-12-03 12:00")));
    }

    [Fact]
    public void A_holiday_on_a_weekend_closes_that_weekend_day()
    {
        var calendar = WithHolidays("2026-11-28");

        Assert.False(calendar.IsOpen(At("2026-11-28 10:00")));
        Equal("2026-11-29 07:00", calendar.NextOpen(At("2026-11-27 21:00")));
    }

    [Fact]
    public void Holidays_changed_after_construction_do_not_change_the_calendar()
    {
        var holidays = new HashSet<DateOnly> { Date("2026-11-30") };
        var calendar = new BusinessCalendar(BusinessHours.Default with { Holidays = holidays });

        holidays.Add(Date("2026-12-01"));

        Assert.True(calendar.IsOpen(At("2026-12-01 10:00")));
    }

    [Fact]
    public void Closed_weekends_open_again_on_Monday()
    {
        var calendar = new BusinessCalendar(BusinessHours.Default with { Weekends = DailyWindow.Closed });

        Assert.False(calendar.IsOpen(At("2026-11-28 10:00")));
        Equal("2026-11-30 06:00", calendar.NextOpen(At("2026-11-27 21:00")));
    }

    [Fact]
    public void Hours_without_any_open_time_are_refused_at_construction()
    {
        var hours = BusinessHours.Default with { Weekdays = DailyWindow.Closed, Weekends = DailyWindow.Parse("closed") };

        var error = Assert.Throws<ArgumentException>(() => new BusinessCalendar(hours));

        Assert.Contains("no open time", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(15)]
    [InlineData(-15)]
    public void An_offset_beyond_14_hours_is_refused(int hours)
    {
        Assert.Throws<ArgumentException>(() => new BusinessCalendar(BusinessHours.Default with { UtcOffset = TimeSpan.FromHours(hours) }));
    }

    [Fact]
    public void Another_fixed_offset_moves_the_hours()
    {
        var calendar = new BusinessCalendar(BusinessHours.Default with { UtcOffset = TimeSpan.FromHours(-5) });

        // 11:00Z is 06:00 at GMT-5 but 05:00 at GMT-6.
        Assert.True(calendar.IsOpen(Iso("2026-11-26T11:00:00Z")));
        Assert.False(Desk.IsOpen(Iso("2026-11-26T11:00:00Z")));
        Assert.Equal(TimeSpan.FromHours(-5), calendar.NextClose(Iso("2026-11-26T11:00:00Z")).Offset);
    }

    [Fact]
    public void Windows_that_meet_at_midnight_form_one_period()
    {
        var calendar = new BusinessCalendar(BusinessHours.Default with
        {
            Weekdays = DailyWindow.AllDay,
            Weekends = DailyWindow.Closed,
        });

        Assert.True(calendar.IsOpen(At("2026-11-26 00:00")));
        Equal("2026-11-28 00:00", calendar.NextClose(At("2026-11-24 10:00")));
        Equal("2026-11-30 00:00", calendar.NextOpen(At("2026-11-24 10:00")));
        Equal("2026-11-30 00:00", calendar.NextOpen(At("2026-11-28 00:00")));
    }

    [Fact]
    public void A_holiday_breaks_a_period_of_whole_days()
    {
        var calendar = new BusinessCalendar(new BusinessHours
        {
            Weekdays = DailyWindow.AllDay,
            Weekends = DailyWindow.AllDay,
            Holidays = new HashSet<DateOnly> { Date("2026-12-25") },
        });

        Equal("2026-12-25 00:00", calendar.NextClose(At("2026-11-26 10:00")));
        Equal("2026-12-26 00:00", calendar.NextOpen(At("2026-11-26 10:00")));
    }

    [Fact]
    public void A_calendar_open_every_hour_of_every_day_reports_that_it_never_closes()
    {
        var calendar = new BusinessCalendar(new BusinessHours { Weekdays = DailyWindow.AllDay, Weekends = DailyWindow.AllDay });

        Assert.True(calendar.IsOpen(At("2026-11-28 03:00")));
        Equal("2026-11-28 08:00", calendar.Add(At("2026-11-28 03:00"), TimeSpan.FromHours(5)));
        var error = Assert.Throws<InvalidOperationException>(() => calendar.NextClose(At("2026-11-26 10:00")));
        Assert.Contains("never closes", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => calendar.NextOpen(At("2026-11-26 10:00")));
    }
}
