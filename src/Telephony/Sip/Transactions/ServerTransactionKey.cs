using CallMyWay.Voice.Telephony.Sip.Messages;

namespace CallMyWay.Voice.Telephony.Sip.Transactions;

/// <summary>
/// What identifies a server transaction for RFC 3261 requests (§17.2.3): the top Via branch, its sent-by, and the
/// method, where an ACK looks for the INVITE and a CANCEL for the request it cancels (§9.2).
/// </summary>
internal readonly record struct ServerTransactionKey(string Branch, string SentBy, string Method)
{
    /// <summary>The key of <paramref name="request"/> looked up under <paramref name="method"/>; false when its top
    /// Via branch lacks the magic cookie, so that only the RFC 2543 rules can match it.</summary>
    public static bool TryCreate(SipRequest request, string method, out ServerTransactionKey key)
    {
        var top = request.Vias[0];
        if (!top.HasMagicCookie)
        {
            key = default;
            return false;
        }

        // Host names compare case-insensitively (RFC 3261 §19.1.4); the branch is compared as sent.
        key = new ServerTransactionKey(top.Branch!, top.SentBy.ToLowerInvariant(), method);
        return true;
    }
}
