using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;

namespace CallMyWay.Voice.Telephony.Sdp;

/// <summary>A <c>c=</c> line: where the media of the session or of one stream goes (RFC 8866 §5.7).</summary>
/// <param name="NetworkType">Always <c>IN</c> for the Internet.</param>
/// <param name="AddressType"><c>IP4</c> or <c>IP6</c>.</param>
/// <param name="Address">The connection address as written, a multicast <c>/ttl/count</c> suffix included.</param>
public sealed record SdpConnection(string NetworkType, string AddressType, string Address)
{
    /// <summary>The Internet network type, the only one RTP over IP uses.</summary>
    public const string InternetNetworkType = "IN";

    /// <summary>A connection for a literal IPv4 or IPv6 address (or a host name, taken as IPv4).</summary>
    public static SdpConnection FromAddress(string address)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        return new SdpConnection(InternetNetworkType, AddressTypeOf(address), address);
    }

    /// <summary>The address without a multicast <c>/ttl</c> or <c>/count</c> suffix.</summary>
    public string Host
    {
        get
        {
            var slash = Address.IndexOf('/', StringComparison.Ordinal);
            return slash < 0 ? Address : Address[..slash];
        }
    }

    /// <summary>True for an <c>IN IP4</c> or <c>IN IP6</c> connection, the only kinds RTP can be sent to.</summary>
    public bool IsInternet =>
        NetworkType.Equals(InternetNetworkType, StringComparison.OrdinalIgnoreCase)
        && (AddressType.Equals("IP4", StringComparison.OrdinalIgnoreCase)
            || AddressType.Equals("IP6", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// True for 0.0.0.0 (and its IPv6 twin ::). RFC 3264 §8.4: a legacy (RFC 2543) way of putting the call on
    /// hold; nothing must be sent there.
    /// </summary>
    public bool IsUnspecified =>
        TryGetIPAddress(out var address)
        && (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any));

    /// <summary>The address as an <see cref="IPAddress"/> when it is an IP literal of the declared type.</summary>
    public bool TryGetIPAddress([NotNullWhen(true)] out IPAddress? address) => TryParseLiteral(Host, AddressType, out address);

    internal static string AddressTypeOf(string address) =>
        address.Contains(':', StringComparison.Ordinal) ? "IP6" : "IP4";

    internal static bool TryParseLiteral(string host, string addressType, [NotNullWhen(true)] out IPAddress? address)
    {
        address = null;
        if (!IPAddress.TryParse(host, out var parsed))
        {
            return false;
        }

        // IPAddress.TryParse also takes shorthand such as "10" or "127.1", which SDP's IP4 grammar does not.
        var matches = addressType.Equals("IP6", StringComparison.OrdinalIgnoreCase)
            ? parsed.AddressFamily == AddressFamily.InterNetworkV6
            : parsed.AddressFamily == AddressFamily.InterNetwork && host.Count(c => c == '.') == 3;
        if (matches)
        {
            address = parsed;
        }

        return matches;
    }
}
