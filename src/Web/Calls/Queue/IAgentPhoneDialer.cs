using CallMyWay.Voice.Telephony.Sip.UserAgent.Outbound;

namespace CallMyWay.Voice.Web.Calls.Queue;

/// <summary>Rings an agent's phone for a queued call; the queue depends on this rather than on the SIP stack so that it can be tested alone.</summary>
public interface IAgentPhoneDialer
{
    /// <summary>Places the call and waits until it is answered, refused, rings out or fails.</summary>
    Task<OutboundCallResult> PlaceAsync(OutboundCallRequest request, CancellationToken cancellationToken);
}
