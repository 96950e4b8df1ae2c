using CallMyWay.Voice.Telephony.Sip.Transactions;

namespace CallMyWay.Voice.Telephony.Sip.Dialogs;

/// <summary>
/// Whatever owns a dialog (an answered call, a call we placed): the UA core hands it the requests and ACKs that carry
/// its dialog's identity (RFC 3261 §12.2.2).
/// </summary>
public interface IDialogUsage
{
    SipDialog Dialog { get; }

    /// <summary>A request within the dialog; the usage must send a final response.</summary>
    ValueTask OnRequestAsync(ServerTransaction transaction);

    /// <summary>The ACK for a 2xx this usage sent.</summary>
    void OnAck();
}
