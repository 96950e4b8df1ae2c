using System.Globalization;
using CallMyWay.Voice.Telephony.Sip.Messages;

namespace CallMyWay.Voice.Telephony.Tests.Sip.Transactions;

/// <summary>Requests and responses as a peer at 192.0.2.10 would send them, written out with CRLF line ends.</summary>
internal static class TestMessages
{
    public const string PeerSentBy = "192.0.2.10:5060";

    /// <summary>A request from the peer to one of our DIDs.</summary>
    public static string Request(
        string method,
        string branch = "z9hG4bK-1",
        string callId = "call-1@192.0.2.10",
        string fromTag = "from-1",
        string? toTag = null,
        uint cseq = 1,
        string? cseqMethod = null,
        string transport = "UDP",
        string sentBy = PeerSentBy,
        int? maxForwards = 70,
        string requestUri = "sip:+525541708422@10.0.0.1",
        string? extraHeaders = null)
    {
        var branchParameter = branch.Length == 0 ? string.Empty : ";branch=" + branch;
        var to = toTag is null ? "<sip:+525541708422@10.0.0.1>" : $"<sip:+525541708422@10.0.0.1>;tag={toTag}";
        var hops = maxForwards is { } value ? $"Max-Forwards: {value.ToString(CultureInfo.InvariantCulture)}\r\n" : string.Empty;
        return $"{method} {requestUri} SIP/2.0\r\n"
            + $"Via: SIP/2.0/{transport} {sentBy}{branchParameter};rport\r\n"
            + hops
            + $"From: \"Alice\" <sip:alice@192.0.2.10>;tag={fromTag}\r\n"
            + $"To: {to}\r\n"
            + $"Call-ID: {callId}\r\n"
            + $"CSeq: {cseq.ToString(CultureInfo.InvariantCulture)} {cseqMethod ?? method}\r\n"
            + "Contact: <sip:alice@192.0.2.10:5060>\r\n"
            + (extraHeaders ?? string.Empty)
            + "Content-Length: 0\r\n"
            + "\r\n";
    }

    public static string Invite(string branch = "z9hG4bK-1", string transport = "UDP", string callId = "call-1@192.0.2.10", string? extraHeaders = null) =>
        Request("INVITE", branch, callId: callId, transport: transport, extraHeaders: extraHeaders);

    /// <summary>The ACK for a non-2xx as RFC 3261 §17.1.1.3 builds it: same branch, To with the response's tag.</summary>
    public static string AckForNonSuccess(string toTag, string branch = "z9hG4bK-1", string transport = "UDP") =>
        Request("ACK", branch, toTag: toTag, transport: transport);

    /// <summary>The ACK for a 2xx as RFC 3261 §13.2.2.4 builds it: a new branch.</summary>
    public static string AckForSuccess(string toTag, string branch = "z9hG4bK-ack-2xx") =>
        Request("ACK", branch, toTag: toTag);

    public static string Cancel(string branch = "z9hG4bK-1", string callId = "call-1@192.0.2.10") =>
        Request("CANCEL", branch, callId: callId);

    /// <summary>A response from the peer to a request the layer sent, with the peer's To tag (none on 100).</summary>
    public static string ResponseTo(SentMessage sent, int statusCode, string toTag = "peer-tag") =>
        ResponseTo((SipRequest)sent.Parsed(), statusCode, toTag);

    public static string ResponseTo(SipRequest request, int statusCode, string toTag = "peer-tag") =>
        SipResponseFactory.CreateResponse(request, statusCode, toTag: toTag).ToString();
}
