using System.Globalization;
using CallMyWay.Voice.Domain.Calendar;
using static CallMyWay.Voice.Domain.Tests.Calendar.DeskTime;

namespace CallMyWay.Voice.Domain.Tests.Calendar;

public class BusinessCalendarArithmeticTests
{
    private static readonly BusinessCalendar Desk = new(BusinessHours.Default);

    private static readonly HashSet<DateOnly> MondayAndTuesdayOff = [Date("2026-11-30"), Date("2026-12-01")];

    private static readonly BusinessCalendar DeskWithHolidays = new(BusinessHours.Default with { Holidays = MondayAndTuesdayOff });

    private static TimeSpan Hours(double hours) => TimeSpan.FromHours(hours);

    [Theory]
    [InlineData("2026-11-23 20:30", 2.0, "2026-11-24 07:30")] // across a night
    [InlineData("2026-11-27 20:00", 2.0, "2026-11-28 08:00")] // Friday into Saturday's later opening
    [InlineData("2026-11-28 16:30", 4.0, "2026-11-29 10:30")] // 30 min Saturday, 3 h 30 min Sunday
    [InlineData("2026-11-29 16:00", 2.0, "2026-11-30 07:00")] // Sunday into Monday
    [InlineData("2026-11-26 10:00", 2.0, "2026-11-26 12:00")] // inside one window
    [InlineData("2026-11-27 20:00", 1.0, "2026-11-27 21:00")] // used up exactly at the close
    [InlineData("2026-11-26 03:00", 1.0, "2026-11-26 07:00")] // starts closed: counts from 06:00
    [InlineData("2026-11-26 22:00", 0.5, "2026-11-27 06:30")]
    [InlineData("2026-11-27 22:00", 2.0, "2026-11-28 09:00")]
    [InlineData("2026-11-23 06:00", 95.0, "2026-11-29 17:00")] // a whole week of open time
    [InlineData("2026-11-23 06:00", 380.0, "2026-12-20 17:00")] // four weeks
    public void Add_skips_closed_time(string start, double hours, string expected)
    {
        Equal(expected, Desk.Add(At(start), Hours(hours)));
    }

    [Fact]
    public void Add_one_minute_past_a_full_week_lands_on_the_next_Monday()
    {
        Equal("2026-11-30 06:01", Desk.Add(At("2026-11-23 06:00"), Hours(95) + TimeSpan.FromMinutes(1)));
    }

    [Theory]
    [InlineData("2026-11-29 16:00", 2.0, "2026-12-02 07:00")] // Sunday, then Monday and Tuesday off
    [InlineData("2026-11-27 20:00", 24.0, "2026-12-02 09:00")] // 1 + 10 + 10 h over the weekend, 3 h on Wednesday
    [InlineData("2026-11-30 10:00", 1.0, "2026-12-02 07:00")] // starting on a holiday
    public void Add_skips_holidays(string start, double hours, string expected)
    {
        Equal(expected, DeskWithHolidays.Add(At(start), Hours(hours)));
    }

    [Theory]
    [InlineData("2026-11-26 22:00")]
    [InlineData("2026-11-26 10:00")]
    public void Adding_nothing_returns_the_start(string start)
    {
        Equal(start, Desk.Add(At(start), TimeSpan.Zero));
    }

    [Fact]
    public void Add_accepts_any_offset_and_answers_in_desk_time()
    {
        // 02:30Z is Thursday 20:30 at GMT-6: 30 minutes on Thursday, 30 on Friday.
        Equal("2026-11-27 06:30", Desk.Add(Iso("2026-11-27T02:30:00Z"), Hours(1)));
        Equal("2026-11-26 10:00", Desk.Add(Iso("2026-11-26T16:00:00Z"), TimeSpan.Zero));
    }

    [Fact]
    public void Add_refuses_negative_working_time()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Desk.Add(At("2026-11-26 10:00"), TimeSpan.FromMinutes(-1)));
    }

    [Theory]
    [InlineData("2026-11-26 20:00", "2026-11-27 07:00", 2.0)]
    [InlineData("2026-11-27 06:00", "2026-11-30 06:00", 35.0)] // Friday 15 h, Saturday 10 h, Sunday 10 h
    [InlineData("2026-11-26 21:00", "2026-11-27 06:00", 0.0)]
    [InlineData("2026-11-26 10:00", "2026-11-26 10:00", 0.0)]
    [InlineData("2026-11-26 12:00", "2026-11-26 10:00", 0.0)] // backwards: nothing
    [InlineData("2026-11-28 00:00", "2026-11-28 23:59:59", 10.0)]
    public void WorkingTimeBetween_counts_open_time_only(string from, string to, double hours)
    {
        Assert.Equal(Hours(hours), Desk.WorkingTimeBetween(At(from), At(to)));
    }

    [Fact]
    public void WorkingTimeBetween_skips_holidays_and_mixes_offsets()
    {
        // Sunday 16:00 local to Wednesday 07:00 local, written in UTC and in +01:00.
        var from = Iso("2026-11-29T22:00:00Z");
        var to = Iso("2026-12-02T14:00:00+01:00");

        Assert.Equal(Hours(2), DeskWithHolidays.WorkingTimeBetween(from, to));
        Assert.Equal(Hours(1 + 15 + 15 + 1), Desk.WorkingTimeBetween(from, to));
    }

    public static TheoryData<int> DurationsInMinutes => [1, 30, 59, 120, 240, 600, 899, 900, 901, 1590, 3000];

    [Theory]
    [MemberData(nameof(DurationsInMinutes))]
    public void Add_matches_a_minute_by_minute_model_from_every_start(int minutes)
    {
        var reference = new ReferenceDesk(MondayAndTuesdayOff);
        var duration = TimeSpan.FromMinutes(minutes);

        // Every 37 minutes from Wednesday to the Sunday after the holidays, in UTC to exercise conversion.
        for (var start = Iso("2026-11-25T00:00:00Z"); start < Iso("2026-12-07T00:00:00Z"); start += TimeSpan.FromMinutes(37))
        {
            var due = DeskWithHolidays.Add(start, duration);
            var expected = reference.Add(start, duration);

            Assert.True(
                expected == due,
                string.Create(CultureInfo.InvariantCulture, $"{start:O} + {duration}: expected {expected:O}, got {due:O}"));
            Assert.Equal(duration, DeskWithHolidays.WorkingTimeBetween(start, due));
            Assert.Equal(DeskTime.Offset, due.Offset);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4_321)]
    [InlineData(3_600)]
    [InlineData(14_400)]
    [InlineData(54_000)]
    [InlineData(200_017)]
    public void WorkingTimeBetween_undoes_Add_for_starts_at_odd_seconds(int seconds)
    {
        var duration = TimeSpan.FromSeconds(seconds);
        for (var start = Iso("2026-11-25T00:00:07+05:30"); start < Iso("2026-12-07T00:00:00Z"); start += TimeSpan.FromSeconds(7_919))
        {
            var due = DeskWithHolidays.Add(start, duration);

            Assert.Equal(duration, DeskWithHolidays.WorkingTimeBetween(start, due));
            // Earliest such instant: a moment earlier, the work is not yet done.
            Assert.True(DeskWithHolidays.WorkingTimeBetween(start, due - TimeSpan.FromTicks(1)) < duration);
        }
    }
}
