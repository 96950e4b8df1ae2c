using CallMyWay.Voice.Telephony.Sip.UserAgent.Outbound;

namespace CallMyWay.Voice.Web.Calls.Queue;

/// <summary>Rings agents' phones through the SIP user agent client.</summary>
public sealed class SipCallerAgentPhoneDialer(SipCaller caller) : IAgentPhoneDialer
{
    public Task<OutboundCallResult> PlaceAsync(OutboundCallRequest request, CancellationToken cancellationToken) =>
        caller.PlaceAsync(request, cancellationToken);
}
