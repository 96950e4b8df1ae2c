using CallMyWay.Voice.Domain.Calendar;
using CallMyWay.Voice.Domain.Sla;

namespace CallMyWay.Voice.Domain.Tests.Sla;

public class SlaPolicyTests
{
    private static readonly BusinessCalendar Desk = new(BusinessHours.Default);

    [Theory]
    [InlineData(Severity.S1, 1.0, 3.0, SlaClockKind.AroundTheClock)]
    [InlineData(Severity.S2, 1.5, 4.0, SlaClockKind.AroundTheClock)]
    [InlineData(Severity.S3, 2.0, 4.0, SlaClockKind.BusinessHours)]
    [InlineData(Severity.S4, 2.0, 4.0, SlaClockKind.BusinessHours)]
    public void Default_policy_has_the_seed_targets(Severity severity, double attention, double resolution, SlaClockKind clock)
    {
        Assert.Equal(
            new SlaTarget(TimeSpan.FromHours(attention), TimeSpan.FromHours(resolution), clock),
            SlaPolicy.Default.For(severity));
    }

    [Fact]
    public void Severity_values_are_their_numbers()
    {
        Assert.Equal([1, 2, 3, 4], Enum.GetValues<Severity>().Select(s => (int)s));
    }

    [Fact]
    public void Around_the_clock_severities_run_on_a_calendar_that_never_closes()
    {
        var calendar = SlaPolicy.Default.CalendarFor(Severity.S1, Desk);

        var clock = Assert.IsType<AroundTheClockCalendar>(calendar);
        Assert.Equal(TimeSpan.FromHours(-6), clock.UtcOffset);
        Assert.Same(Desk, SlaPolicy.Default.CalendarFor(Severity.S3, Desk));
        Assert.Same(Desk, SlaPolicy.Default.CalendarFor(Severity.S4, Desk));
        Assert.IsType<AroundTheClockCalendar>(SlaPolicy.Default.CalendarFor(Severity.S2, Desk));
    }

    [Fact]
    public void Targets_are_configurable()
    {
        var policy = new SlaPolicy(new Dictionary<Severity, SlaTarget>
        {
            [Severity.S1] = new(TimeSpan.FromMinutes(15), TimeSpan.FromHours(2), SlaClockKind.AroundTheClock),
            [Severity.S2] = new(TimeSpan.FromHours(1), TimeSpan.FromHours(4), SlaClockKind.AroundTheClock),
            [Severity.S3] = new(TimeSpan.FromHours(2), TimeSpan.FromHours(8), SlaClockKind.AroundTheClock),
            [Severity.S4] = new(TimeSpan.FromHours(8), TimeSpan.FromHours(40), SlaClockKind.BusinessHours),
        });

        Assert.Equal(TimeSpan.FromMinutes(15), policy.For(Severity.S1).Attention);
        Assert.Equal(TimeSpan.FromHours(40), policy.For(Severity.S4).Resolution);
        Assert.IsType<AroundTheClockCalendar>(policy.CalendarFor(Severity.S3, Desk));
        Assert.Equal(4, policy.Targets.Count);
    }

    [Fact]
    public void A_policy_missing_a_severity_is_refused()
    {
        var targets = new Dictionary<Severity, SlaTarget>
        {
            [Severity.S1] = new(TimeSpan.FromHours(1), TimeSpan.FromHours(3), SlaClockKind.AroundTheClock),
            [Severity.S2] = new(TimeSpan.FromHours(1), TimeSpan.FromHours(4), SlaClockKind.AroundTheClock),
            [Severity.S3] = new(TimeSpan.FromHours(2), TimeSpan.FromHours(4), SlaClockKind.BusinessHours),
        };

        var error = Assert.Throws<ArgumentException>(() => new SlaPolicy(targets));

        Assert.Contains("S4", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0, 4.0)]
    [InlineData(-1.0, 4.0)]
    [InlineData(5.0, 4.0)]
    public void Targets_that_make_no_sense_are_refused(double attention, double resolution)
    {
        var targets = Enum.GetValues<Severity>().ToDictionary(
            s => s,
            _ => new SlaTarget(TimeSpan.FromHours(attention), TimeSpan.FromHours(resolution), SlaClockKind.BusinessHours));

        Assert.Throws<ArgumentException>(() => new SlaPolicy(targets));
    }

    [Fact]
    public void An_undefined_severity_has_no_target()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SlaPolicy.Default.For((Severity)7));
    }
}
