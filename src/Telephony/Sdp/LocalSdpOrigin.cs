using System.Globalization;
using System.Security.Cryptography;

namespace CallMyWay.Voice.Telephony.Sdp;

/// <summary>
/// The <c>o=</c> line of our side of one call, kept by the call for its whole life: the session id never
/// changes, and the version goes up by one each time we send a changed description (RFC 3264 §5, §8).
/// </summary>
public sealed class LocalSdpOrigin
{
    private readonly Lock gate = new();
    private string? lastSent;

    /// <summary>Creates an origin with a given identity; <see cref="CreateNew"/> picks a random one.</summary>
    public LocalSdpOrigin(string username, ulong sessionId, ulong version)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(username);
        if (username.Contains(' ', StringComparison.Ordinal))
        {
            throw new ArgumentException("The o= username may not contain spaces.", nameof(username));
        }

        Username = username;
        SessionId = sessionId;
        Version = version;
    }

    /// <summary>The <c>o=</c> username.</summary>
    public string Username { get; }

    /// <summary>The session id, fixed for the call.</summary>
    public ulong SessionId { get; }

    /// <summary>The version of the last description stamped.</summary>
    public ulong Version { get; private set; }

    /// <summary>
    /// A fresh origin with a random session id and version 1. RFC 8866 §5.2 only asks for global uniqueness;
    /// the id stays below 2^62 because some peers read it as a signed 64-bit number.
    /// </summary>
    public static LocalSdpOrigin CreateNew(string username = "-")
    {
        Span<byte> random = stackalloc byte[8];
        RandomNumberGenerator.Fill(random);
        var id = (BitConverter.ToUInt64(random) >> 2) + 1;
        return new LocalSdpOrigin(username, id, 1);
    }

    /// <summary>
    /// Writes our <c>o=</c> line into a description we are about to send. The version goes up by one when the
    /// description differs from the one sent before and stays the same when it does not (RFC 3264 §8).
    /// </summary>
    public void Stamp(SessionDescription description, string address)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        lock (gate)
        {
            description.Origin = OriginFor(address);
            var text = description.ToString();
            if (lastSent is not null && !string.Equals(text, lastSent, StringComparison.Ordinal))
            {
                Version++;
                description.Origin = OriginFor(address);
                text = description.ToString();
            }

            lastSent = text;
        }
    }

    private SdpOrigin OriginFor(string address) => new(
        Username,
        SessionId.ToString(CultureInfo.InvariantCulture),
        Version,
        SdpConnection.InternetNetworkType,
        SdpConnection.AddressTypeOf(address),
        address);
}
