using CallMyWay.Voice.Telephony.Sip.Messages;
using CallMyWay.Voice.Telephony.Sip.Registrar;
using CallMyWay.Voice.Telephony.Sip.Transactions;
using CallMyWay.Voice.Telephony.Sip.Transport;

namespace CallMyWay.Voice.Telephony.Tests.Sip.Registrar;

/// <summary>The thinnest UA core: REGISTER goes to the registrar, anything else gets 501.</summary>
internal sealed class RegistrarTransactionUser(SipRegistrar registrar) : ISipTransactionUser
{
    public async ValueTask OnRequestAsync(ServerTransaction transaction)
    {
        if (transaction.Request.Method == SipMethod.Register)
        {
            await registrar.HandleAsync(transaction);
            return;
        }

        await transaction.RespondAsync(501);
    }

    public ValueTask OnAckAsync(SipRequest ack, SipEndPoint source) => ValueTask.CompletedTask;

    public ValueTask OnCancelAsync(ServerInviteTransaction transaction, SipRequest cancel) => ValueTask.CompletedTask;

    public ValueTask OnStrayInviteSuccessAsync(SipResponse response, SipEndPoint source) => ValueTask.CompletedTask;
}
