using System.Net;

namespace CallMyWay.Voice.Telephony.Media.Engine;

/// <summary>The counters of one call leg's RTP and RTCP, ours and what the peer reported (RFC 3550 §6.4).</summary>
/// <param name="PacketsSent">RTP packets sent.</param>
/// <param name="OctetsSent">RTP payload octets sent.</param>
/// <param name="PacketsReceived">RTP packets accepted from the peer.</param>
/// <param name="PacketsLost">Packets of the peer's stream that never arrived (RFC 3550 A.3); negative with duplicates.</param>
/// <param name="Jitter">Interarrival jitter of the peer's stream (RFC 3550 A.8).</param>
/// <param name="DroppedFromOtherSources">Datagrams dropped because they came from another address than the latched one.</param>
/// <param name="DroppedOtherSsrc">Audio packets dropped because they carried another SSRC than the peer's stream.</param>
/// <param name="DroppedInvalid">Datagrams dropped as malformed or of a payload type not negotiated.</param>
/// <param name="SendErrors">Datagrams the socket refused to send.</param>
/// <param name="RtcpSent">RTCP compound packets sent.</param>
/// <param name="RtcpReceived">RTCP compound packets accepted.</param>
/// <param name="RemoteSsrc">The SSRC of the peer's stream, once it sent.</param>
/// <param name="LatchedEndPoint">Where the peer's RTP comes from, and so where ours goes (RFC 4961), once latched.</param>
/// <param name="PeerFractionLost">Loss of our stream in the peer's last report, 0 to 1.</param>
/// <param name="PeerCumulativeLost">Packets of our stream the peer reported lost.</param>
/// <param name="PeerJitter">Jitter of our stream as the peer reported it.</param>
/// <param name="RoundTripTime">Round trip from the peer's last report on our SR (RFC 3550 §6.4.1).</param>
/// <param name="PeerSentGoodbye">Whether the peer sent an RTCP BYE.</param>
public sealed record RtpSessionStatistics(
    long PacketsSent,
    long OctetsSent,
    long PacketsReceived,
    long PacketsLost,
    TimeSpan Jitter,
    long DroppedFromOtherSources,
    long DroppedOtherSsrc,
    long DroppedInvalid,
    long SendErrors,
    long RtcpSent,
    long RtcpReceived,
    uint? RemoteSsrc,
    IPEndPoint? LatchedEndPoint,
    double? PeerFractionLost,
    int? PeerCumulativeLost,
    TimeSpan? PeerJitter,
    TimeSpan? RoundTripTime,
    bool PeerSentGoodbye);
