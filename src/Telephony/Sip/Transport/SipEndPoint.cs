using System.Net;

namespace CallMyWay.Voice.Telephony.Sip.Transport;

/// <summary>
/// Where a SIP message came from or goes to: transport, address and, for connection-oriented transports,
/// the connection it arrived on (so responses reuse it, RFC 3261 §18.2.2).
/// </summary>
/// <param name="Transport">UDP or TCP.</param>
/// <param name="Address">The remote IP address and port.</param>
/// <param name="ConnectionId">The TCP connection the message arrived on; null for UDP or to open/reuse any connection to <paramref name="Address"/>.</param>
public readonly record struct SipEndPoint(SipTransportKind Transport, IPEndPoint Address, long? ConnectionId = null)
{
    public override string ToString() => $"{Transport.ToString().ToUpperInvariant()}:{Address}";
}
