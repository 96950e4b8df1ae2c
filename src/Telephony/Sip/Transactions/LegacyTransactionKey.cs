using CallMyWay.Voice.Telephony.Sip.Messages;

namespace CallMyWay.Voice.Telephony.Sip.Transactions;

/// <summary>
/// What identifies a server transaction for a request whose branch lacks the magic cookie, as RFC 2543 peers send
/// (RFC 3261 §17.2.3): Request-URI, From tag, Call-ID, CSeq number and method, and the whole top Via. The To tag is
/// checked after the lookup, since an ACK carries the tag of the response rather than the request's.
/// </summary>
internal readonly record struct LegacyTransactionKey(string RequestUri, string? FromTag, string CallId, uint CSeqNumber, string Method, string TopVia)
{
    /// <summary>The key of <paramref name="request"/> looked up under <paramref name="method"/> (INVITE for an ACK
    /// or a CANCEL looking for its INVITE).</summary>
    public static LegacyTransactionKey Create(SipRequest request, string method) =>
        new(request.RequestUri.ToString(), request.From.Tag, request.CallId, request.CSeq.Number, method, request.Vias[0].ToString());
}
