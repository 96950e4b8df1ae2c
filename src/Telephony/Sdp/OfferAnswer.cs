using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace CallMyWay.Voice.Telephony.Sdp;

/// <summary>
/// The SDP offer/answer exchanges of one call (RFC 3264): answers the offers we receive (initial INVITE and
/// re-INVITEs for hold and resume), makes our own offers for outbound calls, and reads the answers to them.
/// The call keeps one instance so that our <c>o=</c> line keeps its session id and counts its versions.
/// </summary>
/// <remarks>
/// Codec choice when answering: the offerer's order wins — the first offered audio codec we also have is
/// the one (RFC 3264 §6.1 lets the answerer keep the offer's preference). The answer lists that codec alone,
/// plus telephone-event when offered, so both directions use the same format and the peer cannot switch
/// codecs mid-call. Payload type numbers are the offerer's (RFC 3264 §6.1). Our own preference order is the
/// order of the codecs in our offers.
/// </remarks>
public sealed class OfferAnswer
{
    private const int MaxListedFormats = 16;

    /// <summary>Starts the exchanges of a call with a fresh random origin.</summary>
    public OfferAnswer()
        : this(LocalSdpOrigin.CreateNew())
    {
    }

    /// <summary>Starts the exchanges of a call with a given origin.</summary>
    public OfferAnswer(LocalSdpOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(origin);
        Origin = origin;
    }

    /// <summary>Our <c>o=</c> line for this call.</summary>
    public LocalSdpOrigin Origin { get; }

    /// <summary>
    /// Answers an offer (RFC 3264 §6): one m= line per offered one, the first usable audio stream accepted
    /// and every other stream rejected with port 0. A refused offer leaves our origin version untouched.
    /// </summary>
    /// <param name="offer">The peer's offer.</param>
    /// <param name="local">Our address, port and codecs.</param>
    /// <param name="localIntent">What we want to do: sendrecv normally, sendonly while we hold the call.</param>
    public SdpAnswerResult Answer(
        SessionDescription offer,
        LocalMediaCapabilities local,
        MediaDirection localIntent = MediaDirection.SendRecv)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(local);
        local.Validate();

        var answer = NewDescription(local);

        // RFC 3264 §6: the t= line of the answer must equal the offer's.
        answer.Timings.Clear();
        foreach (var timing in offer.Timings)
        {
            answer.Timings.Add(new SdpTiming(timing.StartTime, timing.StopTime));
        }

        NegotiatedMedia? negotiated = null;
        var failure = SdpNegotiationFailure.NoAudioStream;
        var reason = string.Empty;
        foreach (var offered in offer.Media)
        {
            if (negotiated is null && offered.IsAudio && !offered.IsRejected)
            {
                var outcome = TryAcceptAudio(offer, offered, local, localIntent, out var accepted, out var media, out var why);
                if (outcome == SdpNegotiationFailure.None)
                {
                    answer.Media.Add(accepted!);
                    negotiated = media;
                    continue;
                }

                if (failure == SdpNegotiationFailure.NoAudioStream)
                {
                    failure = outcome;
                    reason = why;
                }
            }

            answer.Media.Add(Reject(offered));
        }

        if (negotiated is null)
        {
            if (failure == SdpNegotiationFailure.NoAudioStream)
            {
                reason = "No audio stream offered: " + DescribeStreams(offer);
            }

            return SdpAnswerResult.Refused(failure, Printable(reason));
        }

        Origin.Stamp(answer, local.Address);
        return SdpAnswerResult.Accepted(answer, negotiated);
    }

    /// <summary>
    /// Makes our offer for an outbound call or a re-INVITE (RFC 3264 §5): one audio stream with our codecs in
    /// our order of preference, telephone-event, ptime and the given direction (sendonly puts the peer on hold,
    /// RFC 3264 §8.4; sendrecv resumes).
    /// </summary>
    public SessionDescription CreateOffer(LocalMediaCapabilities local, MediaDirection direction = MediaDirection.SendRecv)
    {
        ArgumentNullException.ThrowIfNull(local);
        local.Validate();

        var offer = NewDescription(local);
        var media = new MediaDescription("audio", local.RtpPort, MediaDescription.RtpAvpProtocol);
        foreach (var codec in local.Codecs)
        {
            media.AddPayloadFormat(codec);
        }

        if (local.TelephoneEvents)
        {
            media.AddPayloadFormat(RtpPayloadFormat.TelephoneEvent(local.TelephoneEventPayloadType, local.TelephoneEventRange));
        }

        AddTransportAttributes(media, local, rtcpMux: local.RtcpMux);
        media.PacketTime = local.PacketTimeMs;
        media.Direction = direction;
        offer.Media.Add(media);
        Origin.Stamp(offer, local.Address);
        return offer;
    }

    /// <summary>
    /// Reads the peer's answer to an offer we sent (RFC 3264 §7): the codec it picked, where to send, DTMF
    /// payload types, directions and packet time. False with a reason when the answer is unusable: wrong
    /// number of m= lines, audio rejected, no codec from our offer, or no usable c= line.
    /// </summary>
    public static bool TryReadAnswer(
        SessionDescription offerWeSent,
        SessionDescription answer,
        [NotNullWhen(true)] out NegotiatedMedia? media,
        out string error)
    {
        ArgumentNullException.ThrowIfNull(offerWeSent);
        ArgumentNullException.ThrowIfNull(answer);
        media = null;
        if (answer.Media.Count != offerWeSent.Media.Count)
        {
            error = string.Create(
                CultureInfo.InvariantCulture,
                $"The answer has {answer.Media.Count} m= lines but the offer had {offerWeSent.Media.Count} (RFC 3264 §6)");
            return false;
        }

        var index = FirstUsableAudio(offerWeSent);
        if (index < 0)
        {
            error = "Our offer has no enabled RTP/AVP audio stream";
            return false;
        }

        var offered = offerWeSent.Media[index];
        var answered = answer.Media[index];
        if (answered.IsRejected || !answered.IsAudio)
        {
            error = "The peer rejected the audio stream (port 0)";
            return false;
        }

        var ours = offered.GetPayloadFormats();
        var theirs = answered.GetPayloadFormats();
        RtpPayloadFormat? sendCodec = null;
        RtpPayloadFormat? receiveCodec = null;
        foreach (var format in theirs)
        {
            if (!format.IsTelephoneEvent && Find(ours, format) is { } ourFormat)
            {
                sendCodec = ourFormat with { PayloadType = format.PayloadType };
                receiveCodec = ourFormat;
                break;
            }
        }

        if (sendCodec is null || receiveCodec is null)
        {
            error = Printable("The answer has no codec from our offer; answered: " + DescribeFormats(answered));
            return false;
        }

        var connection = answer.GetConnection(answered);
        if (connection is null || !connection.IsInternet)
        {
            error = "The answer's audio stream has no usable IN IP4/IP6 c= line";
            return false;
        }

        var theirEvents = FindTelephoneEvent(theirs, sendCodec.ClockRate);
        var ourEvents = FindTelephoneEvent(ours, sendCodec.ClockRate);
        var agreedEvents = theirEvents is not null && ourEvents is not null;
        var remoteDirection = EffectiveDirection(answer, answered, connection);
        var localDirection = offerWeSent.GetDirection(offered).Intersect(remoteDirection.Reverse());
        var rtcpMux = offered.RtcpMux && answered.RtcpMux;
        media = Negotiated(
            sendCodec,
            receiveCodec.PayloadType,
            agreedEvents ? theirEvents!.PayloadType : null,
            agreedEvents ? ourEvents!.PayloadType : null,
            answered,
            connection,
            rtcpMux,
            localDirection,
            remoteDirection,
            offered.PacketTime ?? 20);
        error = string.Empty;
        return true;
    }

    private static SdpNegotiationFailure TryAcceptAudio(
        SessionDescription offer,
        MediaDescription offered,
        LocalMediaCapabilities local,
        MediaDirection localIntent,
        out MediaDescription? accepted,
        out NegotiatedMedia? negotiated,
        out string reason)
    {
        accepted = null;
        negotiated = null;
        if (!offered.IsRtpAvp)
        {
            reason = $"Audio offered over {offered.Protocol}; we accept RTP/AVP only";
            return SdpNegotiationFailure.UnsupportedTransport;
        }

        var formats = offered.GetPayloadFormats();
        RtpPayloadFormat? codec = null;
        foreach (var format in formats)
        {
            if (!format.IsTelephoneEvent && Find(local.Codecs, format) is { } ours)
            {
                codec = ours with { PayloadType = format.PayloadType };
                break;
            }
        }

        if (codec is null)
        {
            reason = "No common audio codec: offered " + DescribeFormats(offered) + "; we accept " + string.Join(", ", local.Codecs);
            return SdpNegotiationFailure.NoCommonCodec;
        }

        var connection = offer.GetConnection(offered);
        if (connection is null || !connection.IsInternet)
        {
            reason = connection is null
                ? "The audio stream has no c= line"
                : $"The audio stream's c= line '{connection.NetworkType} {connection.AddressType}' is not IN IP4 or IN IP6";
            return SdpNegotiationFailure.UnsupportedConnection;
        }

        var events = local.TelephoneEvents ? FindTelephoneEvent(formats, codec.ClockRate) : null;
        var remoteDirection = EffectiveDirection(offer, offered, connection);
        var direction = remoteDirection.ToAnswer(localIntent);
        var rtcpMux = local.RtcpMux && offered.RtcpMux;

        accepted = new MediaDescription(offered.Media, local.RtpPort, offered.Protocol);
        accepted.AddPayloadFormat(codec);
        if (events is not null)
        {
            accepted.AddPayloadFormat(RtpPayloadFormat.TelephoneEvent(events.PayloadType, local.TelephoneEventRange));
        }

        AddTransportAttributes(accepted, local, rtcpMux);
        accepted.PacketTime = local.PacketTimeMs;
        accepted.Direction = direction;

        negotiated = Negotiated(
            codec,
            codec.PayloadType,
            events?.PayloadType,
            events?.PayloadType,
            offered,
            connection,
            rtcpMux,
            direction,
            remoteDirection,
            local.PacketTimeMs);
        reason = string.Empty;
        return SdpNegotiationFailure.None;
    }

    private static NegotiatedMedia Negotiated(
        RtpPayloadFormat sendCodec,
        int receivePayloadType,
        int? sendEvents,
        int? receiveEvents,
        MediaDescription remote,
        SdpConnection connection,
        bool rtcpMux,
        MediaDirection localDirection,
        MediaDirection remoteDirection,
        int packetTime)
    {
        var rtcp = remote.Rtcp;
        var rtcpPort = rtcpMux ? remote.Port
            : rtcp is not null ? rtcp.Port
            : remote.Port < ushort.MaxValue ? remote.Port + 1 // RFC 3550 §11
            : 0;

        // RFC 8866 §6.5: never send packets longer than the peer's maxptime.
        if (remote.MaxPacketTime is > 0 and var max && max < packetTime)
        {
            packetTime = max;
        }

        return new NegotiatedMedia
        {
            Codec = sendCodec,
            ReceivePayloadType = receivePayloadType,
            TelephoneEventPayloadType = sendEvents,
            ReceiveTelephoneEventPayloadType = receiveEvents,
            RemoteAddress = connection.Host,
            RemoteRtpPort = remote.Port,
            RemoteRtcpAddress = rtcp?.Connection?.Host ?? connection.Host,
            RemoteRtcpPort = rtcpPort,
            RtcpMux = rtcpMux,
            LocalDirection = localDirection,
            RemoteDirection = remoteDirection,
            PacketTimeMs = packetTime,
            RemotePacketTimeMs = remote.PacketTime,
        };
    }

    /// <summary>
    /// The direction the peer declared, from its point of view. RFC 3264 §8.4: c=0.0.0.0 is the RFC 2543 way
    /// of saying "do not send me media", so such a stream does not receive whatever its attribute says.
    /// </summary>
    private static MediaDirection EffectiveDirection(SessionDescription description, MediaDescription media, SdpConnection connection)
    {
        var direction = description.GetDirection(media);
        return connection.IsUnspecified ? direction.Intersect(MediaDirection.SendOnly) : direction;
    }

    private static SessionDescription NewDescription(LocalMediaCapabilities local)
    {
        // The origin is a placeholder until LocalSdpOrigin.Stamp writes ours.
        var description = new SessionDescription(new SdpOrigin("-", "0", 0, SdpConnection.InternetNetworkType, "IP4", local.Address))
        {
            SessionName = local.SessionName,
            Connection = SdpConnection.FromAddress(local.Address),
        };
        description.Timings.Add(new SdpTiming(0, 0));
        return description;
    }

    private static void AddTransportAttributes(MediaDescription media, LocalMediaCapabilities local, bool rtcpMux)
    {
        if (rtcpMux)
        {
            media.RtcpMux = true;
        }
        else if (local.RtcpPort is { } rtcpPort)
        {
            media.Rtcp = new RtcpAttribute(rtcpPort);
        }
    }

    /// <summary>RFC 3264 §6: a rejected stream keeps its media type and formats, with port 0.</summary>
    private static MediaDescription Reject(MediaDescription offered)
    {
        var rejected = new MediaDescription(offered.Media, 0, offered.Protocol);
        foreach (var format in offered.Formats)
        {
            rejected.Formats.Add(format);
        }

        // SDP requires at least one format on an m= line even when the stream is refused.
        if (rejected.Formats.Count == 0)
        {
            rejected.Formats.Add("0");
        }

        return rejected;
    }

    private static int FirstUsableAudio(SessionDescription description)
    {
        for (var i = 0; i < description.Media.Count; i++)
        {
            var media = description.Media[i];
            if (media.IsAudio && media.IsRtpAvp && !media.IsRejected)
            {
                return i;
            }
        }

        return -1;
    }

    private static RtpPayloadFormat? Find(IReadOnlyList<RtpPayloadFormat> formats, RtpPayloadFormat wanted)
    {
        foreach (var format in formats)
        {
            if (format.IsSameEncoding(wanted))
            {
                return format;
            }
        }

        return null;
    }

    // RFC 4733 §7.1.1: telephone-event must use the clock rate of the audio codec it goes with.
    private static RtpPayloadFormat? FindTelephoneEvent(IReadOnlyList<RtpPayloadFormat> formats, int clockRate)
    {
        foreach (var format in formats)
        {
            if (format.IsTelephoneEvent && format.ClockRate == clockRate)
            {
                return format;
            }
        }

        return null;
    }

    private static string DescribeFormats(MediaDescription media)
    {
        var text = new StringBuilder();
        for (var i = 0; i < media.Formats.Count; i++)
        {
            if (i == MaxListedFormats)
            {
                text.Append(", ...");
                break;
            }

            if (i > 0)
            {
                text.Append(", ");
            }

            var token = media.Formats[i];
            if (!RtpPayloadFormat.TryParsePayloadType(token, out var payloadType))
            {
                text.Append(token);
            }
            else if (media.TryGetPayloadFormat(payloadType, out var format))
            {
                text.Append(format);
            }
            else
            {
                text.Append("payload type ").Append(token).Append(" without rtpmap");
            }
        }

        return text.Length == 0 ? "nothing" : text.ToString();
    }

    private static string DescribeStreams(SessionDescription offer)
    {
        if (offer.Media.Count == 0)
        {
            return "no m= lines";
        }

        var text = new StringBuilder();
        for (var i = 0; i < offer.Media.Count && i < MaxListedFormats; i++)
        {
            var media = offer.Media[i];
            if (i > 0)
            {
                text.Append(", ");
            }

            text.Append(media.Media).Append(' ').Append(media.Protocol);
            if (media.IsRejected)
            {
                text.Append(" (port 0)");
            }
        }

        return text.ToString();
    }

    // The reason becomes a SIP Warning header's quoted text and a log line: printable ASCII, no quotes, bounded.
    private static string Printable(string text)
    {
        const int Limit = 400;
        var builder = new StringBuilder(Math.Min(text.Length, Limit));
        foreach (var c in text)
        {
            if (builder.Length == Limit)
            {
                break;
            }

            builder.Append(c is >= ' ' and <= '~' and not '"' and not '\\' ? c : '?');
        }

        return builder.ToString();
    }
}
