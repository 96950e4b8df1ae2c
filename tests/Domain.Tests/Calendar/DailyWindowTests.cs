using CallMyWay.Voice.Domain.Calendar;

namespace CallMyWay.Voice.Domain.Tests.Calendar;

public class DailyWindowTests
{
    [Fact]
    public void Parses_the_seed_weekday_hours()
    {
        var window = DailyWindow.Parse("06:00-21:00");

        Assert.Equal(new TimeOnly(6, 0), window.Open);
        Assert.Equal(new TimeOnly(21, 0), window.Close);
        Assert.Equal(TimeSpan.FromHours(15), window.Duration);
        Assert.False(window.IsClosedAllDay);
    }

    [Theory]
    [InlineData(" 07:00 - 17:00 ", 7, 17)]
    [InlineData("7:00-17:00", 7, 17)]
    public void Tolerates_spaces_and_single_digit_hours(string text, int open, int close)
    {
        var window = DailyWindow.Parse(text);

        Assert.Equal(new DailyWindow(new TimeOnly(open, 0), new TimeOnly(close, 0)), window);
    }

    [Fact]
    public void Close_at_24_00_means_the_end_of_the_day()
    {
        var window = DailyWindow.Parse("18:00-24:00");

        Assert.Equal(DailyWindow.EndOfDay, window.Close);
        Assert.Equal(TimeSpan.FromHours(6), window.Duration);
        Assert.True(window.Contains(new TimeOnly(23, 59, 59)));
        Assert.Equal("18:00-24:00", window.ToString());
    }

    [Fact]
    public void All_day_lasts_24_hours()
    {
        Assert.Equal(TimeSpan.FromDays(1), DailyWindow.Parse("00:00-24:00").Duration);
        Assert.Equal(DailyWindow.AllDay, DailyWindow.Parse("00:00-24:00"));
    }

    [Theory]
    [InlineData("closed")]
    [InlineData("CLOSED")]
    [InlineData("00:00-00:00")]
    [InlineData("09:00-09:00")]
    public void A_zero_length_or_closed_window_has_no_open_time(string text)
    {
        var window = DailyWindow.Parse(text);

        Assert.True(window.IsClosedAllDay);
        Assert.Equal(TimeSpan.Zero, window.Duration);
        Assert.False(window.Contains(new TimeOnly(0, 0)));
        Assert.False(window.Contains(new TimeOnly(9, 0)));
        Assert.Equal("closed", window.ToString());
    }

    [Fact]
    public void Default_is_closed()
    {
        Assert.True(default(DailyWindow).IsClosedAllDay);
        Assert.Equal(DailyWindow.Closed, default);
    }

    [Fact]
    public void Contains_includes_the_opening_and_excludes_the_closing()
    {
        var window = DailyWindow.Parse("06:00-21:00");

        Assert.False(window.Contains(new TimeOnly(5, 59, 59)));
        Assert.True(window.Contains(new TimeOnly(6, 0)));
        Assert.True(window.Contains(new TimeOnly(20, 59, 59)));
        Assert.False(window.Contains(new TimeOnly(21, 0)));
    }

    [Theory]
    [InlineData("06:00-21:00")]
    [InlineData("07:30-17:15")]
    [InlineData("00:00-24:00")]
    [InlineData("closed")]
    public void ToString_round_trips_through_Parse(string text)
    {
        Assert.Equal(text, DailyWindow.Parse(text).ToString());
        Assert.Equal(DailyWindow.Parse(text), DailyWindow.Parse(DailyWindow.Parse(text).ToString()));
    }

    [Theory]
    [InlineData("6am-9pm")]
    [InlineData("06:00")]
    [InlineData("06:00-")]
    [InlineData("")]
    [InlineData("06:00-25:00")]
    [InlineData("24:00-24:00")]
    [InlineData("06:00–21:00")]
    [InlineData("06:60-21:00")]
    public void Bad_text_gives_a_format_error_that_quotes_it(string text)
    {
        var error = Assert.Throws<FormatException>(() => DailyWindow.Parse(text));

        Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("HH:mm-HH:mm", error.Message, StringComparison.Ordinal);
        Assert.False(DailyWindow.TryParse(text, out _));
    }

    [Fact]
    public void A_window_across_midnight_is_refused_with_the_reason()
    {
        var error = Assert.Throws<FormatException>(() => DailyWindow.Parse("21:00-06:00"));

        Assert.Contains("'21:00-06:00'", error.Message, StringComparison.Ordinal);
        Assert.Contains("closes before it opens", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_refuses_a_close_before_the_open()
    {
        Assert.Throws<ArgumentException>(() => new DailyWindow(new TimeOnly(21, 0), new TimeOnly(6, 0)));
    }

    [Fact]
    public void Null_text_is_a_bug_not_a_format_error()
    {
        Assert.Throws<ArgumentNullException>(() => DailyWindow.Parse(null!));
        Assert.False(DailyWindow.TryParse(null, out _));
    }
}
