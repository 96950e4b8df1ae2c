using CallMyWay.Voice.Telephony.Ivr.Flows;
using CallMyWay.Voice.Telephony.Ivr.Prompts;

namespace CallMyWay.Voice.Telephony.Tests.Ivr.Flows;

public class IncidentTimeTests
{
    private static readonly TimeSpan Desk = TimeSpan.FromHours(-6);

    // Wednesday 25 November 2026, 10:00:42 at the desk; 16:00:42 UTC.
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 16, 0, 42, TimeSpan.Zero);

    [Fact]
    public void Pound_alone_is_now_to_the_minute_in_the_desks_offset()
    {
        Assert.True(IncidentTime.TryResolve(string.Empty, Now, Desk, out var at, out _));
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 10, 0, 0, Desk), at);
        Assert.Equal(Desk, at.Offset);
    }

    [Theory]
    [InlineData("250930", "2026-11-25T09:30:00-06:00")]
    [InlineData("251000", "2026-11-25T10:00:00-06:00")]
    [InlineData("010000", "2026-11-01T00:00:00-06:00")]
    [InlineData("262359", "2026-10-26T23:59:00-06:00")]
    [InlineData("311200", "2026-10-31T12:00:00-06:00")]
    public void A_day_up_to_today_is_this_month_and_a_later_day_last_month(string digits, string expected)
    {
        Assert.True(IncidentTime.TryResolve(digits, Now, Desk, out var at, out _));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), at);
    }

    [Theory]
    [InlineData("251001")]
    [InlineData("252300")]
    public void Later_today_is_in_the_future(string digits)
    {
        Assert.False(IncidentTime.TryResolve(digits, Now, Desk, out _, out var complaint));
        Assert.Equal(PromptKeys.IncidentWhenFuture, complaint);
    }

    [Theory]
    [InlineData("321000")]
    [InlineData("001000")]
    [InlineData("242500")]
    [InlineData("242400")]
    [InlineData("241060")]
    [InlineData("24100")]
    [InlineData("2410001")]
    public void Impossible_days_hours_and_minutes_are_refused(string digits)
    {
        Assert.False(IncidentTime.TryResolve(digits, Now, Desk, out _, out var complaint));
        Assert.Equal(PromptKeys.IncidentWhenInvalid, complaint);
    }

    [Fact]
    public void The_31st_of_a_thirty_day_month_is_refused()
    {
        // On 5 December the 31st would be in November, which has 30 days.
        var december = new DateTimeOffset(2026, 12, 5, 12, 0, 0, Desk);
        Assert.False(IncidentTime.TryResolve("311000", december, Desk, out _, out var complaint));
        Assert.Equal(PromptKeys.IncidentWhenInvalid, complaint);
        Assert.True(IncidentTime.TryResolve("301000", december, Desk, out var at, out _));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 10, 0, 0, Desk), at);
    }

    [Fact]
    public void In_january_a_later_day_is_in_last_years_december()
    {
        var january = new DateTimeOffset(2027, 1, 3, 8, 0, 0, Desk);
        Assert.True(IncidentTime.TryResolve("281500", january, Desk, out var at, out _));
        Assert.Equal(new DateTimeOffset(2026, 12, 28, 15, 0, 0, Desk), at);
    }

    [Fact]
    public void The_day_is_the_desks_day_not_utcs()
    {
        // 03:00 UTC on the 26th is still the 25th, 21:00, at the desk: "26" means last month.
        var lateEvening = new DateTimeOffset(2026, 11, 26, 3, 0, 0, TimeSpan.Zero);
        Assert.True(IncidentTime.TryResolve("262000", lateEvening, Desk, out var at, out _));
        Assert.Equal(new DateTimeOffset(2026, 10, 26, 20, 0, 0, Desk), at);
    }
}
