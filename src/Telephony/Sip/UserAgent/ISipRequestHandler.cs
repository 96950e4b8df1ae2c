using CallMyWay.Voice.Telephony.Sip.Transactions;

namespace CallMyWay.Voice.Telephony.Sip.UserAgent;

/// <summary>A part of the UA core that serves one kind of out-of-dialog request, such as the registrar for REGISTER.</summary>
public interface ISipRequestHandler
{
    ValueTask OnRequestAsync(ServerTransaction transaction);
}
