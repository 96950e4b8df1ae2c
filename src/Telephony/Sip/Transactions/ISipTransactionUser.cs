using CallMyWay.Voice.Telephony.Sip.Messages;
using CallMyWay.Voice.Telephony.Sip.Transport;

namespace CallMyWay.Voice.Telephony.Sip.Transactions;

/// <summary>
/// The transaction user (RFC 3261 §17): the UA core and dialog layer above the <see cref="TransactionLayer"/>. The
/// layer calls it concurrently, from the transport's receive path; each method must return promptly, leaving long
/// work (an IVR, a ringing timeout) to run on its own.
/// </summary>
public interface ISipTransactionUser
{
    /// <summary>
    /// A new request other than ACK and CANCEL created <paramref name="transaction"/>; retransmissions of it never
    /// come here. The TU answers through <see cref="ServerTransaction.RespondAsync(SipResponse)"/> now or later, and
    /// must eventually send a final response (unsupported methods get 501, RFC 3261 §8.2.1). If this method throws
    /// before a final response was sent, the layer answers 500.
    /// </summary>
    ValueTask OnRequestAsync(ServerTransaction transaction);

    /// <summary>
    /// An ACK that is not part of an INVITE transaction: the ACK for a 2xx (RFC 3261 §13.3.1.4, RFC 6026 §7.1),
    /// which confirms a dialog and stops the TU's 2xx retransmissions. ACKs for non-2xx responses never come here.
    /// </summary>
    ValueTask OnAckAsync(SipRequest ack, SipEndPoint source);

    /// <summary>
    /// A CANCEL matched <paramref name="transaction"/> before it sent a final response (RFC 3261 §9.2). The layer
    /// has already answered the CANCEL with 200; the TU should now answer the INVITE with 487 (Request Terminated).
    /// <see cref="ServerInviteTransaction.CancellationRequested"/> is signalled at the same moment.
    /// </summary>
    ValueTask OnCancelAsync(ServerInviteTransaction transaction, SipRequest cancel);

    /// <summary>
    /// A 2xx to an INVITE that matched no client transaction, normally a 2xx retransmission arriving after Timer M.
    /// The TU should ACK it again if it belongs to one of its dialogs and ignore it otherwise.
    /// </summary>
    /// <remarks>RFC 6026 §8.9 lets a user agent discard such responses; handing them up costs nothing and lets a
    /// dialog whose ACK was lost re-send it.</remarks>
    ValueTask OnStrayInviteSuccessAsync(SipResponse response, SipEndPoint source);
}
