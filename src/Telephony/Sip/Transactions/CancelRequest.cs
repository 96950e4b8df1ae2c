using System.Globalization;
using CallMyWay.Voice.Telephony.Sip.Messages;

namespace CallMyWay.Voice.Telephony.Sip.Transactions;

/// <summary>Builds the CANCEL for an INVITE a client transaction sent (RFC 3261 §9.1).</summary>
/// <remarks>
/// The server side of §9.2, matching a CANCEL to its INVITE and answering it, is done by the
/// <see cref="TransactionLayer"/>; a user agent sends a CANCEL through <see cref="ClientInviteTransaction.CancelAsync"/>,
/// which also waits for the first provisional response as §9.1 requires.
/// </remarks>
public static class CancelRequest
{
    /// <summary>
    /// The CANCEL for <paramref name="invite"/> as it was sent: the same Request-URI, Call-ID, From, To (tags
    /// included, so no To tag) and CSeq number with method CANCEL, a single Via equal to the INVITE's top Via (same
    /// branch), and the INVITE's Route header fields.
    /// </summary>
    public static SipRequest Create(SipRequest invite)
    {
        ArgumentNullException.ThrowIfNull(invite);
        if (invite.Method != SipMethod.Invite)
        {
            // RFC 3261 §9.1: a CANCEL SHOULD NOT be sent to cancel a request other than INVITE.
            throw new ArgumentException($"Only an INVITE is cancelled, not a {invite.Method}.", nameof(invite));
        }

        var cancel = new SipRequest(SipMethod.Cancel, invite.RequestUri);
        CopyTransactionHeaders(invite, cancel, invite.Headers.GetFirst(SipHeaderNames.To)!, SipMethod.Cancel);
        return cancel;
    }

    /// <summary>
    /// The headers a CANCEL and the ACK for a non-2xx share (RFC 3261 §9.1, §17.1.1.3): the top Via, Max-Forwards,
    /// the Route set, From, the given To, Call-ID and the CSeq number under <paramref name="method"/>. Values are
    /// copied as the INVITE carried them so that the peer's comparison sees identical text.
    /// </summary>
    internal static void CopyTransactionHeaders(SipRequest invite, SipRequest request, string to, SipMethod method)
    {
        request.Headers.Add(SipHeaderNames.Via, invite.Headers.GetAll(SipHeaderNames.Via)[0]);
        request.Headers.Add(SipHeaderNames.MaxForwards, "70");
        foreach (var route in invite.Headers.GetRawValues(SipHeaderNames.Route))
        {
            request.Headers.Add(SipHeaderNames.Route, route);
        }

        request.Headers.Add(SipHeaderNames.From, invite.Headers.GetFirst(SipHeaderNames.From)!);
        request.Headers.Add(SipHeaderNames.To, to);
        request.Headers.Add(SipHeaderNames.CallId, invite.CallId);
        request.Headers.Add(SipHeaderNames.CSeq, $"{invite.CSeq.Number.ToString(CultureInfo.InvariantCulture)} {method.Name}");
    }
}
