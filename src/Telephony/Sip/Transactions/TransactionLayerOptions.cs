using CallMyWay.Voice.Telephony.Sip.Messages;
using CallMyWay.Voice.Telephony.Sip.Transport;

namespace CallMyWay.Voice.Telephony.Sip.Transactions;

/// <summary>How the <see cref="TransactionLayer"/> is set up: timer values and two hooks into the transport's
/// addressing rules, set by the composition root.</summary>
public sealed class TransactionLayerOptions
{
    /// <summary>T1, T2, T4 and the timers derived from them.</summary>
    public SipTimers Timers { get; set; } = SipTimers.Default;

    /// <summary>
    /// The host written into the sent-by of the Via the layer adds to outgoing requests, given their destination:
    /// the public address behind NAT, else the local address facing the destination. When null, the address of the
    /// transport's local end point is used, or the local address the routing table picks when it listens on any.
    /// </summary>
    public Func<SipEndPoint, string>? SentByHost { get; set; }

    /// <summary>
    /// Where responses to a request go, given the request (its top Via stamped on arrival) and its source. When
    /// null, responses go back to the source end point: the address and port the request came from, and over TCP
    /// the same connection (symmetric response routing, RFC 3581 §4, as sipp, baresip and every NATed phone
    /// expect). Set it to <c>SipResponseRouting.ResponseDestination</c> for the full RFC 3261 §18.2.2 rules.
    /// </summary>
    public Func<SipRequest, SipEndPoint, SipEndPoint>? ResponseDestination { get; set; }
}
