using CallMyWay.Voice.Domain.Calendar;
using static CallMyWay.Voice.Domain.Tests.Calendar.DeskTime;

namespace CallMyWay.Voice.Domain.Tests.Calendar;

public class AroundTheClockCalendarTests
{
    private static readonly AroundTheClockCalendar Clock = new(DeskTime.Offset);

    [Theory]
    [InlineData("2026-11-28 03:00")]
    [InlineData("2026-11-26 21:00")]
    [InlineData("2026-11-29 23:59:59")]
    public void Is_always_open(string local)
    {
        Assert.True(Clock.IsOpen(At(local)));
    }

    [Fact]
    public void Add_is_plain_addition_in_the_given_offset()
    {
        Equal("2026-11-27 23:00", Clock.Add(At("2026-11-27 22:00"), TimeSpan.FromHours(1)));
        Equal("2026-11-28 01:00", Clock.Add(Iso("2026-11-28T04:00:00Z"), TimeSpan.FromHours(3)));
        Equal(Iso("2026-11-28T07:00:00Z"), AroundTheClockCalendar.Utc.Add(At("2026-11-27 22:00"), TimeSpan.FromHours(3)));
    }

    [Fact]
    public void WorkingTimeBetween_is_wall_clock_time_and_never_negative()
    {
        Assert.Equal(TimeSpan.FromHours(57), Clock.WorkingTimeBetween(At("2026-11-27 21:00"), At("2026-11-30 06:00")));
        Assert.Equal(TimeSpan.Zero, Clock.WorkingTimeBetween(At("2026-11-30 06:00"), At("2026-11-27 21:00")));
    }

    [Fact]
    public void Add_refuses_negative_time()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Clock.Add(At("2026-11-27 22:00"), TimeSpan.FromHours(-1)));
    }
}
