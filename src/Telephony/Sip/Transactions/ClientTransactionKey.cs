using CallMyWay.Voice.Telephony.Sip.Messages;

namespace CallMyWay.Voice.Telephony.Sip.Transactions;

/// <summary>What matches a response to a client transaction (RFC 3261 §17.1.3): the top Via branch and the CSeq
/// method, which tells a CANCEL's responses from its INVITE's though they share the branch.</summary>
internal readonly record struct ClientTransactionKey(string Branch, string Method)
{
    /// <summary>The key of a request the layer sent.</summary>
    public static ClientTransactionKey Of(SipRequest request) => new(request.Vias[0].Branch!, request.Method.Name);

    /// <summary>The key a response names; false when its top Via has no branch.</summary>
    public static bool TryCreate(SipResponse response, out ClientTransactionKey key)
    {
        if (response.Vias is [{ Branch: { } branch }, ..])
        {
            key = new ClientTransactionKey(branch, response.CSeq.Method.Name);
            return true;
        }

        key = default;
        return false;
    }
}
