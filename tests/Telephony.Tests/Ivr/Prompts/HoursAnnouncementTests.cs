using CallMyWay.Voice.Domain.Calendar;
using CallMyWay.Voice.Telephony.Ivr.Prompts;

namespace CallMyWay.Voice.Telephony.Tests.Ivr.Prompts;

public class HoursAnnouncementTests
{
    private static readonly TimeSpan Desk = TimeSpan.FromHours(-6);

    [Fact]
    public void The_seeds_hours_are_said_in_full_with_the_time_zone()
    {
        Assert.Equal(
            ["hours.intro", "hours.weekdays", "clock.6", "hours.to", "clock.21", "hours.weekends", "clock.7", "hours.to", "clock.17", "tz.gmt-6"],
            HoursAnnouncement.Of(BusinessHours.Default));
    }

    [Fact]
    public void Closed_and_round_the_clock_days_and_midnight_closing_are_said_as_such()
    {
        var hours = BusinessHours.Default with { Weekdays = DailyWindow.Parse("08:00-24:00"), Weekends = DailyWindow.Closed, UtcOffset = TimeSpan.FromHours(-5) };
        Assert.Equal(["hours.intro", "hours.weekdays", "clock.8", "hours.to", "clock.24", "hours.weekends-closed"], HoursAnnouncement.Of(hours));

        var allDay = BusinessHours.Default with { Weekdays = DailyWindow.AllDay };
        Assert.Equal("hours.weekdays-all-day", HoursAnnouncement.Of(allDay)[1]);
    }

    [Theory]
    [InlineData("06:30-21:00")]
    [InlineData("02:00-21:00")]
    public void Hours_without_a_recording_send_the_caller_to_the_website(string weekdays)
    {
        var hours = BusinessHours.Default with { Weekdays = DailyWindow.Parse(weekdays) };
        Assert.Equal([PromptKeys.HoursSeeWebsite], HoursAnnouncement.Of(hours));
    }

    [Fact]
    public void The_next_opening_is_said_as_a_day_and_an_hour()
    {
        var now = new DateTimeOffset(2026, 11, 27, 22, 0, 0, Desk);   // Friday night
        Assert.Equal(["day.tomorrow", "clock.7"], HoursAnnouncement.Opening(new DateTimeOffset(2026, 11, 28, 7, 0, 0, Desk), now));
        Assert.Equal(["day.sunday", "clock.7"], HoursAnnouncement.Opening(new DateTimeOffset(2026, 11, 29, 7, 0, 0, Desk), now));
        Assert.Equal(["day.today", "clock.6"], HoursAnnouncement.Opening(new DateTimeOffset(2026, 11, 27, 6, 0, 0, Desk), now.AddHours(-20)));
        Assert.Empty(HoursAnnouncement.Opening(new DateTimeOffset(2026, 11, 28, 7, 30, 0, Desk), now));
    }
}
