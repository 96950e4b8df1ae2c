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
        var lockout = new AuthenticationLockout(2, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), _time);

        Assert.False(lockout.RecordFailure(IPAddress.Parse("203.0.113.5")));
        Assert.True(lockout.RecordFailure(IPAddress.Parse("::ffff:203.0.113.5")));

        Assert.True(lockout.IsLockedOut(IPAddress.Parse("203.0.113.5")));
        Assert.False(lockout.IsLockedOut(IPAddress.Parse("203.0.113.6")));
    }

    [Fact]
    public void Lockout_ends_after_its_duration_and_counting_starts_afresh()
    {
        var lockout = new AuthenticationLockout(2, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), _time);
        var address = IPAddress.Parse("203.0.113.5");
        lockout.RecordFailure(address);
        lockout.RecordFailure(address);

        _time.Advance(TimeSpan.FromMinutes(5));

        Assert.False(lockout.IsLockedOut(address));
        Assert.False(lockout.RecordFailure(address));
        Assert.False(lockout.IsLockedOut(address));
    }

    [Fact]
    public void Table_stays_bounded_under_many_addresses()
    {
        var lockout = new AuthenticationLockout(3, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), _time);
        var scanner = IPAddress.Parse("198.51.100.1");
        lockout.RecordFailure(scanner);
        lockout.RecordFailure(scanner);
        lockout.RecordFailure(scanner);

        for (var i = 0; i < AuthenticationLockout.MaxTrackedAddresses + 500; i++)
        {
            lockout.RecordFailure(new IPAddress(0x0A000000u + (uint)i));
        }

        Assert.True(lockout.TrackedCount <= AuthenticationLockout.MaxTrackedAddresses);
        Assert.True(lockout.IsLockedOut(scanner));
    }
}
