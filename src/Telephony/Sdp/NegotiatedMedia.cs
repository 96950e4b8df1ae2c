using System.Net;

namespace CallMyWay.Voice.Telephony.Sdp;

/// <summary>
/// The outcome of one offer/answer exchange for the call's audio stream: the codec, where to send RTP and
/// RTCP, DTMF payload types, directions and packet time — all the media layer needs to run the stream.
/// </summary>
public sealed record NegotiatedMedia
{
    /// <summary>The audio codec; its payload type is the one to put in the RTP packets we send (the peer's numbering).</summary>
    public required RtpPayloadFormat Codec { get; init; }

    /// <summary>The payload type the peer uses for <see cref="Codec"/> in the packets it sends us (our numbering).</summary>
    public required int ReceivePayloadType { get; init; }

    /// <summary>The telephone-event payload type for events we send, or null when DTMF events were not agreed.</summary>
    public int? TelephoneEventPayloadType { get; init; }

    /// <summary>The telephone-event payload type of events we receive, or null when not agreed.</summary>
    public int? ReceiveTelephoneEventPayloadType { get; init; }

    /// <summary>The peer's RTP address as written in its c= line (an IP literal, rarely a host name).</summary>
    public required string RemoteAddress { get; init; }

    /// <summary>The peer's RTP port from its m= line.</summary>
    public required int RemoteRtpPort { get; init; }

    /// <summary>The peer's RTCP address: from a=rtcp when it names one (RFC 3605), else <see cref="RemoteAddress"/>.</summary>
    public required string RemoteRtcpAddress { get; init; }

    /// <summary>The peer's RTCP port: the RTP port with rtcp-mux, a=rtcp when given, else RTP port + 1 (RFC 3550 §11).</summary>
    public required int RemoteRtcpPort { get; init; }

    /// <summary>True when both sides agreed to carry RTCP on the RTP port (RFC 5761).</summary>
    public bool RtcpMux { get; init; }

    /// <summary>What we do on the stream: send, receive, both or neither.</summary>
    public required MediaDirection LocalDirection { get; init; }

    /// <summary>
    /// What the peer said it does, from its point of view; a legacy c=0.0.0.0 hold counts as "does not receive"
    /// (RFC 3264 §8.4).
    /// </summary>
    public required MediaDirection RemoteDirection { get; init; }

    /// <summary>The packet duration in milliseconds we send with: ours, shortened to the peer's a=maxptime.</summary>
    public required int PacketTimeMs { get; init; }

    /// <summary>The peer's a=ptime, the packet duration it would like to receive, when it gave one.</summary>
    public int? RemotePacketTimeMs { get; init; }

    /// <summary>The peer's RTP endpoint, or null when the address is not an IP literal.</summary>
    public IPEndPoint? RemoteRtpEndPoint => EndPoint(RemoteAddress, RemoteRtpPort);

    /// <summary>The peer's RTCP endpoint, or null when the address is not an IP literal.</summary>
    public IPEndPoint? RemoteRtcpEndPoint => EndPoint(RemoteRtcpAddress, RemoteRtcpPort);

    /// <summary>True when we should send RTP: our direction allows it and the peer gave a real address and port.</summary>
    public bool SendsMedia =>
        LocalDirection.CanSend()
        && RemoteRtpPort != 0
        && RemoteRtpEndPoint is { } endPoint
        && !endPoint.Address.Equals(IPAddress.Any)
        && !endPoint.Address.Equals(IPAddress.IPv6Any);

    /// <summary>True when we expect RTP from the peer.</summary>
    public bool ReceivesMedia => LocalDirection.CanReceive();

    /// <summary>True when the peer has put us on hold (it will not receive what we send).</summary>
    public bool IsRemoteHold => !RemoteDirection.CanReceive();

    private static IPEndPoint? EndPoint(string address, int port) =>
        SdpConnection.TryParseLiteral(address, SdpConnection.AddressTypeOf(address), out var ip) ? new IPEndPoint(ip, port) : null;
}
