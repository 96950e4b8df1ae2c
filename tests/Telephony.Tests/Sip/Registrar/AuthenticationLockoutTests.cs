using System.Net;
using CallMyWay.Voice.Telephony.Sip.Registrar;
using Microsoft.Extensions.Time.Testing;

namespace CallMyWay.Voice.Telephony.Tests.Sip.Registrar;

public sealed class AuthenticationLockoutTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void IPv4_mapped_address_counts_as_the_IPv4_address()
    {
        var lockout = new AuthenticationLockout(2, 0, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), _time);

        Assert.Equal(LockoutScope.None, lockout.RecordFailure(IPAddress.Parse("203.0.113.5"), "201"));
        Assert.Equal(LockoutScope.Extension, lockout.RecordFailure(IPAddress.Parse("::ffff:203.0.113.5"), "201"));

        Assert.True(lockout.IsLockedOut(IPAddress.Parse("203.0.113.5"), "201"));
        Assert.False(lockout.IsLockedOut(IPAddress.Parse("203.0.113.5"), "202"));
        Assert.False(lockout.IsLockedOut(IPAddress.Parse("203.0.113.6"), "201"));
    }

    [Fact]
    public void Address_limit_locks_every_extension()
    {
        var lockout = new AuthenticationLockout(10, 3, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), _time);
        var address = IPAddress.Parse("203.0.113.5");

        lockout.RecordFailure(address, "201");
        lockout.RecordFailure(address, "202");
        var scope = lockout.RecordFailure(address, "203");

        Assert.Equal(LockoutScope.Address, scope);
        Assert.True(lockout.IsLockedOut(address, "299"));
        Assert.True(lockout.IsLockedOut(address, null));
    }

    [Fact]
    public void Lockout_ends_after_its_duration_and_counting_starts_afresh()
    {
        var lockout = new AuthenticationLockout(2, 0, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), _time);
        var address = IPAddress.Parse("203.0.113.5");
        lockout.RecordFailure(address, "201");
        lockout.RecordFailure(address, "201");

        _time.Advance(TimeSpan.FromMinutes(5));

        Assert.False(lockout.IsLockedOut(address, "201"));
        Assert.Equal(LockoutScope.None, lockout.RecordFailure(address, "201"));
        Assert.False(lockout.IsLockedOut(address, "201"));
    }

    [Fact]
    public void Failures_while_locked_out_do_not_extend_the_lockout()
    {
        var counter = new FailureCounter<string>(2, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5));
        var start = _time.GetUtcNow();
        counter.RecordFailure("a", start);
        Assert.True(counter.RecordFailure("a", start));

        Assert.False(counter.RecordFailure("a", start.AddMinutes(4)));

        Assert.False(counter.IsLockedOut("a", start.AddMinutes(5)));
    }

    [Fact]
    public void Table_stays_bounded_and_keeps_locked_keys_longest()
    {
        var counter = new FailureCounter<int>(3, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5));
        var now = _time.GetUtcNow();
        counter.RecordFailure(-1, now);
        counter.RecordFailure(-1, now);
        counter.RecordFailure(-1, now);

        for (var i = 0; i < FailureCounter<int>.MaxTrackedKeys + 500; i++)
        {
            counter.RecordFailure(i, now);
        }

        Assert.True(counter.TrackedCount <= FailureCounter<int>.MaxTrackedKeys);
        Assert.True(counter.IsLockedOut(-1, now));
    }
}
