using CallMyWay.Voice.Telephony.Sip.Messages;

namespace CallMyWay.Voice.Telephony.Sip.Transactions;

/// <summary>Builds the ACK an INVITE client transaction sends for a 300-699 response (RFC 3261 §17.1.1.3).</summary>
internal static class NonSuccessAck
{
    /// <summary>
    /// The ACK for <paramref name="response"/> to <paramref name="invite"/>: the INVITE's Request-URI, Call-ID, From
    /// and Route set, its top Via as the only Via (same branch), its CSeq number with method ACK, and the To of the
    /// response, which carries the tag the server chose.
    /// </summary>
    public static SipRequest Create(SipRequest invite, SipResponse response)
    {
        var ack = new SipRequest(SipMethod.Ack, invite.RequestUri);
        CancelRequest.CopyTransactionHeaders(invite, ack, response.Headers.GetFirst(SipHeaderNames.To)!, SipMethod.Ack);
        return ack;
    }
}
