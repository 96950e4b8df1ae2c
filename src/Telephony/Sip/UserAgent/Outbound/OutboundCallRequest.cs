using System.Net;
using CallMyWay.Voice.Telephony.Sip.Auth;
using CallMyWay.Voice.Telephony.Sip.Messages;
using CallMyWay.Voice.Telephony.Sip.Registrar;
using CallMyWay.Voice.Telephony.Sip.Transport;

namespace CallMyWay.Voice.Telephony.Sip.UserAgent.Outbound;

/// <summary>A call the desk places: whom to call, where to send the INVITE, who we say we are, and how long to let it ring.</summary>
/// <param name="Target">The Request-URI and To of the INVITE, e.g. <c>sip:+50688887777@trunk.example:5060</c> or a phone's registered contact.</param>
/// <param name="Destination">Where the INVITE and every request of the call go: the trunk's address, or the address a phone registered from.</param>
/// <param name="FromUser">The user part of our From and Contact, normally the desk's DID (e.g. <c>+50622223333</c>).</param>
public sealed record OutboundCallRequest(SipUri Target, SipEndPoint Destination, string FromUser)
{
    /// <summary>The default ring timeout.</summary>
    public static readonly TimeSpan DefaultRingTimeout = TimeSpan.FromSeconds(30);

    private static readonly HashSet<string> ReservedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        SipHeaderNames.Via, SipHeaderNames.From, SipHeaderNames.To, SipHeaderNames.CallId, SipHeaderNames.CSeq,
        SipHeaderNames.Contact, SipHeaderNames.MaxForwards, SipHeaderNames.ContentType, SipHeaderNames.ContentLength,
        SipHeaderNames.Authorization, SipHeaderNames.ProxyAuthorization, SipHeaderNames.Route,
    };

    /// <summary>The display name of our From, e.g. <c>CallMyWay Soporte</c>; none when null.</summary>
    public string? FromDisplayName { get; init; }

    /// <summary>The credentials answering a 401/407 challenge (the trunk's <c>Trunk:Username</c>/<c>Trunk:Password</c>); without them a challenge fails the call.</summary>
    public DigestClient? Credentials { get; init; }

    /// <summary>How long the call may go unanswered before it is cancelled (<see cref="OutboundCallOutcome.NoAnswer"/>).</summary>
    public TimeSpan RingTimeout { get; init; } = DefaultRingTimeout;

    /// <summary>Extra header fields for the INVITE, e.g. <c>P-Asserted-Identity</c> or <c>X-Case-Number</c>; not the ones the call writes itself.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>
    /// Called for each provisional response other than 100 (180 Ringing, 183 Session Progress), on the call's signalling
    /// path: it must return promptly.
    /// </summary>
    public Action<OutboundCallProgress>? Ringing { get; init; }

    /// <summary>
    /// A call to <paramref name="number"/> through the carrier trunk (CONTRACT.md <c>Trunk:*</c>): the Request-URI is
    /// <c>sip:number@Trunk:Host:Trunk:Port</c>, the INVITE goes over UDP to <paramref name="trunkAddress"/> (the trunk host
    /// resolved by the caller), and a challenge is answered with <c>Trunk:Username</c>/<c>Trunk:Password</c> when set.
    /// </summary>
    public static OutboundCallRequest ThroughTrunk(TrunkOptions trunk, IPAddress trunkAddress, string number, string fromUser)
    {
        ArgumentNullException.ThrowIfNull(trunk);
        ArgumentNullException.ThrowIfNull(trunkAddress);
        ArgumentException.ThrowIfNullOrWhiteSpace(number);
        var host = trunk.Host ?? throw new ArgumentException("Trunk:Host is not configured.", nameof(trunk));
        var target = new SipUri(host, trunk.Port, number);
        var destination = new SipEndPoint(SipTransportKind.Udp, new IPEndPoint(trunkAddress, trunk.Port));
        return new OutboundCallRequest(target, destination, fromUser)
        {
            Credentials = string.IsNullOrEmpty(trunk.Username) ? null : new DigestClient(trunk.Username, trunk.Password ?? string.Empty),
        };
    }

    /// <summary>
    /// A call to a phone registered with the desk (an agent's extension): the Request-URI is the registered contact,
    /// and the INVITE goes where the REGISTER came from, which reaches a phone behind NAT (RFC 5626 §5.3, symmetric).
    /// </summary>
    public static OutboundCallRequest ToRegisteredPhone(ContactBinding binding, string fromUser)
    {
        ArgumentNullException.ThrowIfNull(binding);
        return new OutboundCallRequest(binding.Uri, binding.ReceivedFrom, fromUser);
    }

    /// <summary>Throws when the request cannot be placed: a bug in the caller, not a network condition.</summary>
    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Target);
        ArgumentNullException.ThrowIfNull(Destination.Address);
        ArgumentException.ThrowIfNullOrWhiteSpace(FromUser);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RingTimeout, TimeSpan.Zero, nameof(RingTimeout));
        foreach (var (name, _) in Headers)
        {
            if (ReservedHeaders.Contains(SipHeaderNames.Canonicalize(name)))
            {
                throw new ArgumentException($"The {name} header is written by the call itself.", nameof(Headers));
            }
        }
    }
}
