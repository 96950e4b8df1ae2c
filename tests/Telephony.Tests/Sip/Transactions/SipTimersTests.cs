using CallMyWay.Voice.Telephony.Sip.Transactions;

namespace CallMyWay.Voice.Telephony.Tests.Sip.Transactions;

public sealed class SipTimersTests
{
    [Fact]
    public void Defaults_follow_RFC_3261_table_4_and_RFC_6026()
    {
        var timers = SipTimers.Default;

        Assert.Equal(TimeSpan.FromMilliseconds(500), timers.T1);
        Assert.Equal(TimeSpan.FromSeconds(4), timers.T2);
        Assert.Equal(TimeSpan.FromSeconds(5), timers.T4);
        Assert.Equal(TimeSpan.FromMilliseconds(500), timers.TimerA);
        Assert.Equal(TimeSpan.FromSeconds(32), timers.TimerB);
        Assert.Equal(TimeSpan.FromMinutes(3), timers.TimerC);
        Assert.Equal(TimeSpan.FromSeconds(32), timers.TimerD);
        Assert.Equal(TimeSpan.FromMilliseconds(500), timers.TimerE);
        Assert.Equal(TimeSpan.FromSeconds(32), timers.TimerF);
        Assert.Equal(TimeSpan.FromMilliseconds(500), timers.TimerG);
        Assert.Equal(TimeSpan.FromSeconds(32), timers.TimerH);
        Assert.Equal(TimeSpan.FromSeconds(5), timers.TimerI);
        Assert.Equal(TimeSpan.FromSeconds(32), timers.TimerJ);
        Assert.Equal(TimeSpan.FromSeconds(5), timers.TimerK);
        Assert.Equal(TimeSpan.FromSeconds(32), timers.TimerL);
        Assert.Equal(TimeSpan.FromSeconds(32), timers.TimerM);
        Assert.Equal(TimeSpan.FromMilliseconds(200), timers.TryingDelay);
        Assert.Empty(timers.Validate());
    }

    [Fact]
    public void Derived_timers_follow_a_configured_T1_and_T4()
    {
        var timers = new SipTimers { T1 = TimeSpan.FromSeconds(1), T2 = TimeSpan.FromSeconds(8), T4 = TimeSpan.FromSeconds(10) };

        Assert.Equal(TimeSpan.FromSeconds(64), timers.TimerB);
        Assert.Equal(TimeSpan.FromSeconds(64), timers.TimerD);
        Assert.Equal(TimeSpan.FromSeconds(64), timers.TimerH);
        Assert.Equal(TimeSpan.FromSeconds(10), timers.TimerI);
        Assert.Equal(TimeSpan.FromSeconds(10), timers.TimerK);
        Assert.Equal(TimeSpan.FromSeconds(64), timers.TimerL);
    }

    [Fact]
    public void Validation_names_the_bad_value()
    {
        var timers = new SipTimers { T1 = TimeSpan.FromSeconds(5), T2 = TimeSpan.FromSeconds(4), T4 = TimeSpan.Zero };

        var errors = timers.Validate();

        Assert.Contains(errors, error => error.StartsWith("T2", StringComparison.Ordinal));
        Assert.Contains(errors, error => error.StartsWith("T4", StringComparison.Ordinal));
    }
}
