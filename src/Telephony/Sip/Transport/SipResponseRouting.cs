using System.Net;
using System.Net.Sockets;
using CallMyWay.Voice.Telephony.Sip.Messages;

namespace CallMyWay.Voice.Telephony.Sip.Transport;

/// <summary>
/// The Via rules that bring a response back to whoever sent the request: what a server writes into the top
/// Via on arrival (RFC 3261 §18.2.1, RFC 3581 §4) and where it then sends the response (RFC 3261 §18.2.2).
/// </summary>
public static class SipResponseRouting
{
    /// <summary>The port a Via without one stands for, over UDP and TCP (RFC 3261 §18.2.2, §19.1.2).</summary>
    public const int DefaultPort = 5060;

    /// <summary>
    /// Returns the top Via as the server records it on arrival: <c>received</c> added when the sent-by host is a
    /// name or an address other than the packet source (RFC 3261 §18.2.1); an empty <c>rport</c> filled with the
    /// source port, and then <c>received</c> added even when it equals sent-by (RFC 3581 §4). Returns
    /// <paramref name="topVia"/> itself when nothing changes.
    /// </summary>
    public static ViaHeader StampArrival(ViaHeader topVia, IPEndPoint source)
    {
        ArgumentNullException.ThrowIfNull(topVia);
        ArgumentNullException.ThrowIfNull(source);
        var sourceAddress = Normalize(source.Address);
        var fillRPort = topVia.HasRPort && topVia.RPort is null;
        var stamped = topVia;
        if (fillRPort || !SentByIs(topVia, sourceAddress))
        {
            stamped = stamped.WithReceived(FormatReceived(sourceAddress));
        }

        return fillRPort ? stamped.WithRPort(source.Port) : stamped;
    }

    /// <summary>Where a response to <paramref name="request"/>, which arrived from <paramref name="source"/>, is sent.</summary>
    /// <remarks>See <see cref="ResponseDestination(ViaHeader, SipEndPoint)"/>.</remarks>
    public static SipEndPoint ResponseDestination(SipRequest request, SipEndPoint source)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ResponseDestination(request.Vias[0], source);
    }

    /// <summary>
    /// Where a response is sent, given the request's top Via as stamped on arrival and the request's source
    /// (RFC 3261 §18.2.2, RFC 3581 §4), first rule that applies:
    /// <list type="number">
    /// <item>over TCP, the connection the request came on (if it has closed by the time of sending,
    /// <see cref="SipTransportLayer"/> opens a new one as the following rules say);</item>
    /// <item><c>maddr</c>, when it is an IP address, at the sent-by port (else 5060);</item>
    /// <item>over UDP with <c>rport</c>: the <c>received</c> address (else the source address) at the
    /// <c>rport</c> port (else the source port), which is where the request came from;</item>
    /// <item><c>received</c> at the sent-by port (else 5060);</item>
    /// <item>the sent-by address and port (else 5060).</item>
    /// </list>
    /// Names are never resolved here: a sent-by host name gets a <c>received</c> on arrival, so the last rule
    /// only meets one in a request that did not come through this transport, and then the source address stands in.
    /// </summary>
    public static SipEndPoint ResponseDestination(ViaHeader topVia, SipEndPoint source)
    {
        ArgumentNullException.ThrowIfNull(topVia);
        ArgumentNullException.ThrowIfNull(source.Address);
        return source is { Transport: SipTransportKind.Tcp, ConnectionId: not null }
            ? source
            : ViaDestination(topVia, source.Transport, source.Address);
    }

    /// <summary>Rules 2 to 5 of <see cref="ResponseDestination(ViaHeader, SipEndPoint)"/>: the destination without a connection.</summary>
    internal static SipEndPoint ViaDestination(ViaHeader topVia, SipTransportKind transport, IPEndPoint source)
    {
        var viaPort = topVia.Port ?? DefaultPort;
        if (topVia.Maddr is { } maddr && TryParseAddress(maddr, out var multicastOrUnicast))
        {
            return new SipEndPoint(transport, new IPEndPoint(multicastOrUnicast, viaPort));
        }

        var received = topVia.Received is { } text && TryParseAddress(text, out var parsed) ? parsed : null;

        // RFC 3581 §4: rport only redirects responses over an unreliable transport; a TCP source port is ephemeral.
        if (transport == SipTransportKind.Udp && topVia.HasRPort)
        {
            return new SipEndPoint(transport, new IPEndPoint(received ?? Normalize(source.Address), topVia.RPort ?? source.Port));
        }

        if (received is not null)
        {
            return new SipEndPoint(transport, new IPEndPoint(received, viaPort));
        }

        var host = TryParseAddress(topVia.Host, out var sentBy) ? sentBy : Normalize(source.Address);
        return new SipEndPoint(transport, new IPEndPoint(host, viaPort));
    }

    /// <summary>An IPv4 peer seen through a dual-stack socket arrives as <c>::ffff:a.b.c.d</c>; it is the IPv4 address.</summary>
    internal static IPAddress Normalize(IPAddress address) =>
        address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    internal static IPEndPoint Normalize(IPEndPoint endPoint) =>
        endPoint.Address.IsIPv4MappedToIPv6 ? new IPEndPoint(endPoint.Address.MapToIPv4(), endPoint.Port) : endPoint;

    private static bool SentByIs(ViaHeader via, IPAddress source) =>
        via.HostKind != SipHostKind.DomainName
        && TryParseAddress(via.Host, out var sentBy)
        && sentBy.Equals(source);

    private static bool TryParseAddress(string text, out IPAddress address)
    {
        var span = text.AsSpan();
        if (span.Length > 2 && span[0] == '[' && span[^1] == ']')
        {
            span = span[1..^1];
        }

        // IPAddress.TryParse also takes forms a Via never holds ("1", "0x7f.1"); only dotted quads and IPv6 count.
        if ((SipGrammar.IsIPv4Address(span) || SipGrammar.IsIPv6Address(span)) && IPAddress.TryParse(span, out var parsed))
        {
            address = Normalize(parsed);
            return true;
        }

        address = IPAddress.None;
        return false;
    }

    // RFC 3261 §20.42: received holds a bare address, IPv6 without brackets and without a zone.
    private static string FormatReceived(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 && address.ScopeId != 0
            ? new IPAddress(address.GetAddressBytes()).ToString()
            : address.ToString();
}
