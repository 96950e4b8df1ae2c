using System.Net;

namespace CallMyWay.Voice.Telephony.Sip.Registrar;

/// <summary>
/// Slows password guessing: counts failed authentications per source address and extension, and per source address
/// alone, and refuses an address (for one extension, or for all) that failed too often.
/// </summary>
/// <remarks>
/// <para>
/// Two levels because phones share addresses. A phone with a wrong password retries by itself (baresip 1.0.0 answers
/// fifteen fresh challenges in a row, then again a minute later), and behind an office NAT every phone shares its
/// address: locking the address would lock every agent out. So the phone's own extension is locked first, after
/// <c>extensionLimit</c> failures, and its further REGISTERs are refused without being counted; the address as a
/// whole is locked only after <c>addressLimit</c> failures across extensions, which is what password spraying (one
/// guess at many extensions) looks like.
/// </para>
/// <para>Thread-safe; memory is bounded (see <see cref="FailureCounter{TKey}"/>).</para>
/// </remarks>
internal sealed class AuthenticationLockout
{
    private readonly TimeProvider _timeProvider;
    private readonly FailureCounter<(IPAddress Address, string Username)> _byExtension;
    private readonly FailureCounter<IPAddress> _byAddress;

    /// <param name="extensionLimit">Failures for one extension from one address that lock that pair out; 0 never.</param>
    /// <param name="addressLimit">Failures from one address, any extension, that lock the address out; 0 never.</param>
    /// <param name="window">The sliding window failures are counted in.</param>
    /// <param name="duration">How long a lockout lasts.</param>
    /// <param name="timeProvider">The clock.</param>
    public AuthenticationLockout(int extensionLimit, int addressLimit, TimeSpan window, TimeSpan duration, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
        _byExtension = new(extensionLimit, window, duration);
        _byAddress = new(addressLimit, window, duration);
    }

    /// <summary>How many (address, extension) pairs and addresses are tracked now.</summary>
    internal int TrackedCount => _byExtension.TrackedCount + _byAddress.TrackedCount;

    /// <summary>Whether requests from <paramref name="address"/> for <paramref name="username"/> are to be refused now.</summary>
    public bool IsLockedOut(IPAddress address, string? username)
    {
        ArgumentNullException.ThrowIfNull(address);
        address = Normalize(address);
        var now = _timeProvider.GetUtcNow();
        return _byAddress.IsLockedOut(address, now) || (username is not null && _byExtension.IsLockedOut((address, username), now));
    }

    /// <summary>Counts one failure; returns what it locked out, if anything.</summary>
    public LockoutScope RecordFailure(IPAddress address, string username)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(username);
        address = Normalize(address);
        var now = _timeProvider.GetUtcNow();
        var scope = LockoutScope.None;
        if (_byExtension.RecordFailure((address, username), now))
        {
            scope = LockoutScope.Extension;
        }

        if (_byAddress.RecordFailure(address, now))
        {
            scope = LockoutScope.Address;
        }

        return scope;
    }

    // An IPv4 peer reached over a dual-stack socket shows up as ::ffff:a.b.c.d; it is the same address.
    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
