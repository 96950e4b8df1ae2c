using System.Globalization;
using System.Text;
using CallMyWay.Voice.Telephony.Media.Engine;
using CallMyWay.Voice.Telephony.Sdp;
using CallMyWay.Voice.Telephony.Sip.Messages;
using CallMyWay.Voice.Telephony.Sip.Transactions;
using CallMyWay.Voice.Telephony.Sip.Transport;
using Microsoft.Extensions.Logging;

namespace CallMyWay.Voice.Telephony.Sip.UserAgent.Outbound;

/// <summary>
/// Places the desk's outbound calls (the UAC side of RFC 3261 §13.2): callbacks through the carrier trunk, agents'
/// phones rung by the queue. Each call offers PCMU/PCMA with telephone-event, answers one digest challenge, plays
/// early media, cancels when unanswered, and once answered lives on as an <see cref="OutboundCall"/>.
/// </summary>
/// <remarks>
/// One instance serves every call; it needs the transaction layer started with <paramref name="agent"/> as its
/// transaction user, which is what routes the callee's in-dialog requests (BYE, INFO, re-INVITE) to the call.
/// </remarks>
/// <param name="layer">The transaction layer the INVITE, CANCEL and BYE go through.</param>
/// <param name="transport">The transport, for the address we advertise in Contact and SDP.</param>
/// <param name="media">Where each call's RTP ports and session come from.</param>
/// <param name="agent">The UA core: answered calls register their dialog with it.</param>
/// <param name="time">The clock of the ring timeout.</param>
/// <param name="logger">One line per call state change.</param>
public sealed partial class SipCaller(TransactionLayer layer, SipTransportLayer transport, MediaEngine media, SipUserAgent agent, TimeProvider time, ILogger<SipCaller> logger)
{
    internal TransactionLayer Layer { get; } = layer ?? throw new ArgumentNullException(nameof(layer));
    internal SipTransportLayer Transport { get; } = transport ?? throw new ArgumentNullException(nameof(transport));
    internal MediaEngine Media { get; } = media ?? throw new ArgumentNullException(nameof(media));
    internal SipUserAgent Agent { get; } = agent ?? throw new ArgumentNullException(nameof(agent));
    internal TimeProvider Time { get; } = time ?? throw new ArgumentNullException(nameof(time));
    internal ILogger Logger { get; } = logger ?? throw new ArgumentNullException(nameof(logger));
    internal string ProductName => Agent.Options.ProductName;

    /// <summary>
    /// Places a call and waits until it is answered or has ended: busy, unanswered within
    /// <see cref="OutboundCallRequest.RingTimeout"/> (cancelled), rejected, failed. Cancelling
    /// <paramref name="cancellationToken"/> before the answer withdraws the call (a CANCEL, then
    /// <see cref="OutboundCallOutcome.Cancelled"/>); it does not throw, and it means nothing once the call is answered.
    /// </summary>
    /// <exception cref="ArgumentException">The request is not valid (see <see cref="OutboundCallRequest"/>).</exception>
    public async Task<OutboundCallResult> PlaceAsync(OutboundCallRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var callId = SipIdentifiers.NewCallId();
        var localPort = LocalPortFor(request.Destination.Transport);
        if (cancellationToken.IsCancellationRequested)
        {
            return OutboundCallResult.Ended(callId, OutboundCallOutcome.Cancelled, 0, "Withdrawn before the INVITE was sent");
        }

        string host;
        try
        {
            host = Transport.AdvertisedHostFor(request.Destination.Address.Address);
        }
        catch (SipTransportException ex)
        {
            PlacingFailed(Logger, callId, request.Target.ToString(), ex.Message);
            return OutboundCallResult.Failed(callId, OutboundCallFailure.Transport, 503, ex.Message);
        }

        if (!Media.TryAllocatePorts(out var ports))
        {
            PlacingFailed(Logger, callId, request.Target.ToString(), "no RTP ports free");
            return OutboundCallResult.Failed(callId, OutboundCallFailure.NoMediaPorts, 0, "No media ports free");
        }

        var local = new LocalMediaCapabilities(host, ports.RtpPort);
        var offerAnswer = new OfferAnswer();
        var offer = offerAnswer.CreateOffer(local);
        var contact = new SipUri(host, localPort, request.FromUser);
        if (request.Destination.Transport == SipTransportKind.Tcp)
        {
            contact = contact.WithParameter("transport", "tcp");
        }

        var invite = CreateInvite(request, callId, host, contact, offer);
        var attempt = new OutboundInvite(this, request, invite, contact, offerAnswer, local, offer, ports);
        return await attempt.RunAsync(cancellationToken).ConfigureAwait(false);
    }

    // RFC 3261 §8.1.1: Request-URI, To, From with a new tag, Call-ID, CSeq, Max-Forwards and Contact; the layer adds the Via.
    private SipRequest CreateInvite(OutboundCallRequest request, string callId, string host, SipUri contact, SessionDescription offer)
    {
        var headers = new SipHeaders();
        headers.Add(SipHeaderNames.MaxForwards, "70");
        headers.Add(SipHeaderNames.From, new NameAddress(new SipUri(host, null, request.FromUser), request.FromDisplayName).WithTag(SipIdentifiers.NewTag()).ToString());
        headers.Add(SipHeaderNames.To, new NameAddress(request.Target.WithoutHeaders()).ToString());
        headers.Add(SipHeaderNames.CallId, callId);
        headers.Add(SipHeaderNames.CSeq, "1 " + SipMethod.Invite.Name);
        headers.Add(SipHeaderNames.Contact, "<" + contact + ">");
        headers.Add(SipHeaderNames.Allow, SipUserAgent.AllowedMethods);

        // No Supported header: we offer no option tags. "timer" would make us the session refresher (RFC 4028 §7.1)
        // and "100rel" would oblige us to PRACK (RFC 3262); without them the callee refreshes and sends 1xx unreliably.
        headers.Add(SipHeaderNames.UserAgent, ProductName);
        foreach (var (name, value) in request.Headers)
        {
            headers.Add(name, value);
        }

        headers.Add(SipHeaderNames.ContentType, "application/sdp");
        return new SipRequest(SipMethod.Invite, request.Target.WithoutHeaders(), headers, Encoding.UTF8.GetBytes(offer.ToString()));
    }

    private int LocalPortFor(SipTransportKind kind)
    {
        foreach (var endPoint in Layer.Transport.LocalEndPoints)
        {
            if (endPoint.Transport == kind)
            {
                return endPoint.Address.Port;
            }
        }

        throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"The SIP transport does not listen on {kind}; start it before placing calls."));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId} to {Target} not placed: {Reason}")]
    private static partial void PlacingFailed(ILogger logger, string callId, string target, string reason);
}
