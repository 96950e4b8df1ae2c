namespace CallMyWay.Voice.Telephony.Sdp;

/// <summary>What our side of a call offers or accepts: where we receive RTP and which formats we handle.</summary>
/// <param name="Address">The address written into c= and o=: an IPv4 or IPv6 literal (<c>Sip:PublicAddress</c> behind NAT).</param>
/// <param name="RtpPort">The local RTP port of the call; RTCP is on the next port unless <see cref="RtcpPort"/> says otherwise.</param>
public sealed record LocalMediaCapabilities(string Address, int RtpPort)
{
    /// <summary>
    /// The audio codecs we can encode and decode, most preferred first; our offers list them in this order.
    /// The payload type of each is the one our offers use.
    /// </summary>
    public IReadOnlyList<RtpPayloadFormat> Codecs { get; init; } = [RtpPayloadFormat.Pcmu, RtpPayloadFormat.Pcma];

    /// <summary>Whether we send and receive RFC 4733 telephone events (DTMF).</summary>
    public bool TelephoneEvents { get; init; } = true;

    /// <summary>The telephone-event payload type our offers use; answers keep the offerer's number.</summary>
    public int TelephoneEventPayloadType { get; init; } = 101;

    /// <summary>The events we can receive, written into <c>a=fmtp</c> for telephone-event (RFC 4733 §7.1.1).</summary>
    public string TelephoneEventRange { get; init; } = RtpPayloadFormat.DefaultTelephoneEvents;

    /// <summary>The packet duration in milliseconds we send and ask for (<c>a=ptime</c>).</summary>
    public int PacketTimeMs { get; init; } = 20;

    /// <summary>Whether our media layer can share one port between RTP and RTCP (RFC 5761); only then is rtcp-mux accepted.</summary>
    public bool RtcpMux { get; init; }

    /// <summary>The RTCP port when it is not <see cref="RtpPort"/> + 1; written as <c>a=rtcp</c> (RFC 3605).</summary>
    public int? RtcpPort { get; init; }

    /// <summary>The <c>s=</c> session name; <c>-</c> is what RFC 3264 §5 suggests when there is nothing to say.</summary>
    public string SessionName { get; init; } = "-";

    /// <summary>Throws when the capabilities contradict themselves: a configuration bug, not a peer's fault.</summary>
    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Address);
        ArgumentOutOfRangeException.ThrowIfLessThan(RtpPort, 1, nameof(RtpPort));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(RtpPort, ushort.MaxValue, nameof(RtpPort));
        ArgumentOutOfRangeException.ThrowIfLessThan(PacketTimeMs, 1, nameof(PacketTimeMs));
        if (Codecs is null || Codecs.Count == 0)
        {
            throw new ArgumentException("At least one audio codec is needed.", nameof(Codecs));
        }

        var used = new HashSet<int>();
        foreach (var codec in Codecs)
        {
            if (codec.IsTelephoneEvent || !used.Add(codec.PayloadType))
            {
                throw new ArgumentException($"Codec {codec} repeats payload type {codec.PayloadType} or is not audio.", nameof(Codecs));
            }
        }

        if (TelephoneEvents && (used.Contains(TelephoneEventPayloadType) || TelephoneEventPayloadType is < 0 or > 127))
        {
            throw new ArgumentException(
                $"Telephone-event payload type {TelephoneEventPayloadType} is taken by a codec or out of range.",
                nameof(TelephoneEventPayloadType));
        }
    }
}
