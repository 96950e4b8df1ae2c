using CallMyWay.Voice.Web.Email.Reading;

namespace CallMyWay.Voice.Web.Tests.Email.Reading;

public sealed class MessageDatesTests
{
    private static readonly TimeSpan Desk = TimeSpan.FromHours(-6);

    /// <summary>Friday 14 March 2025, 10:00 at the desk.</summary>
    private static readonly DateTimeOffset Now = new(2025, 3, 14, 16, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("14/03/2025 09:15", false, 2025, 3, 14, 9, 15)]
    [InlineData("14-03-2025 9:15", false, 2025, 3, 14, 9, 15)]
    [InlineData("2025-03-13 18:40", false, 2025, 3, 13, 18, 40)]
    [InlineData("13/03/25 6:40 pm", false, 2025, 3, 13, 18, 40)]
    [InlineData("03/02/2025 08:00", false, 2025, 2, 3, 8, 0)]
    [InlineData("03/02/2025 08:00", true, 2025, 3, 2, 8, 0)]
    [InlineData("03/13/2025 4:30 PM", false, 2025, 3, 13, 16, 30)]
    [InlineData("13 de marzo de 2025, 10:30 a.m.", false, 2025, 3, 13, 10, 30)]
    [InlineData("12 de marzo a las 15 hrs", false, 2025, 3, 12, 15, 0)]
    [InlineData("March 13, 2025 3:15 PM", true, 2025, 3, 13, 15, 15)]
    [InlineData("13 Mar 2025 07:05", true, 2025, 3, 13, 7, 5)]
    [InlineData("hoy 08:30", false, 2025, 3, 14, 8, 30)]
    [InlineData("ayer a las 17:45", false, 2025, 3, 13, 17, 45)]
    [InlineData("yesterday 5:45 pm", true, 2025, 3, 13, 17, 45)]
    [InlineData("10/03/2025", false, 2025, 3, 10, 0, 0)]
    public void Common_formats_are_read_as_desk_time(string text, bool monthFirst, int year, int month, int day, int hour, int minute) =>
        Assert.Equal(new DateTimeOffset(year, month, day, hour, minute, 0, Desk), MessageDates.Parse(text, Desk, monthFirst, Now));

    [Fact]
    public void A_stated_offset_wins_over_the_desk_offset()
    {
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 9, 0, 0, TimeSpan.FromHours(-5)), MessageDates.Parse("14/03/2025 09:00 (GMT-5)", Desk, monthFirst: false, Now));
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 9, 0, 0, TimeSpan.FromHours(-3)), MessageDates.Parse("2025-03-14T09:00:00-03:00", Desk, monthFirst: false, Now));
    }

    [Fact]
    public void A_month_name_without_year_is_the_latest_such_day()
    {
        Assert.Equal(new DateTimeOffset(2024, 12, 20, 11, 0, 0, Desk), MessageDates.Parse("20 de diciembre 11:00", Desk, monthFirst: false, Now));
    }

    [Theory]
    [InlineData("la semana pasada")]
    [InlineData("14/03/2026 10:00")]
    [InlineData("31/02/2025 10:00")]
    [InlineData("14/03/2025 a las 99")]
    [InlineData("")]
    public void Unreadable_impossible_or_future_dates_are_not_taken(string text) =>
        Assert.Null(MessageDates.Parse(text, Desk, monthFirst: false, Now));
}
