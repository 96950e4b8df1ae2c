using System.Net;
using CallMyWay.Voice.Telephony.Sdp;

namespace CallMyWay.Voice.Telephony.Tests.Sdp;

public sealed class OfferAnswerTests
{
    private static readonly LocalMediaCapabilities Local = new("127.0.0.1", 10000);

    [Fact]
    public void Sipp_offer_is_answered_with_pcmu_and_telephone_event_on_the_offered_numbers()
    {
        var result = NewCall().Answer(Parse(SdpSamples.SippOffer), Local);

        Assert.True(result.IsSuccess, result.Reason);
        Assert.Equal(200, result.StatusCode);
        Assert.Equal(
            SdpSamples.Crlf("""
                v=0
                o=- 4242 1 IN IP4 127.0.0.1
                s=-
                c=IN IP4 127.0.0.1
                t=0 0
                m=audio 10000 RTP/AVP 0 101
                a=rtpmap:0 PCMU/8000
                a=rtpmap:101 telephone-event/8000
                a=fmtp:101 0-16
                a=ptime:20
                a=sendrecv
                """),
            result.Answer.ToString());
        var media = result.Media;
        Assert.Equal(RtpPayloadFormat.Pcmu, media.Codec);
        Assert.Equal(0, media.ReceivePayloadType);
        Assert.Equal(101, media.TelephoneEventPayloadType);
        Assert.Equal(101, media.ReceiveTelephoneEventPayloadType);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 6100), media.RemoteRtpEndPoint);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 6101), media.RemoteRtcpEndPoint);
        Assert.Equal((MediaDirection.SendRecv, MediaDirection.SendRecv), (media.LocalDirection, media.RemoteDirection));
        Assert.Equal(20, media.PacketTimeMs);
        Assert.Null(media.RemotePacketTimeMs);
        Assert.False(media.RtcpMux);
        Assert.True(media.SendsMedia);
        Assert.True(media.ReceivesMedia);
        Assert.False(media.IsRemoteHold);
    }

    [Fact]
    public void Our_answer_parses_back_to_the_same_text()
    {
        var answer = NewCall().Answer(Parse(SdpSamples.LinphoneOffer), Local).Answer!;

        Assert.Equal(answer.ToString(), Parse(answer.ToString()).ToString());
    }

    [Fact]
    public void Baresip_offer_gets_pcmu_and_its_ptime_is_noted()
    {
        var result = NewCall().Answer(Parse(SdpSamples.BaresipOffer), Local);

        Assert.True(result.IsSuccess, result.Reason);
        Assert.Equal("m=audio 10000 RTP/AVP 0 101", MediaLine(result.Answer, 0));
        Assert.Equal("0-16", result.Answer.Media[0].GetAttributeValue("fmtp")![4..]);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 6200), result.Media.RemoteRtpEndPoint);
        Assert.Equal(20, result.Media.RemotePacketTimeMs);
        Assert.Equal(101, result.Media.TelephoneEventPayloadType);
    }

    [Fact]
    public void Offerer_order_wins_among_codecs_we_have()
    {
        var result = NewCall().Answer(Parse(SdpSamples.BaresipWidebandOffer), Local);

        Assert.True(result.IsSuccess, result.Reason);
        Assert.Equal(RtpPayloadFormat.Pcmu, result.Media.Codec);
        Assert.Equal("m=audio 10000 RTP/AVP 0 101", MediaLine(result.Answer, 0));
    }

    [Fact]
    public void G722_is_chosen_when_we_enable_it_and_the_offerer_prefers_it()
    {
        var wideband = Local with { Codecs = [RtpPayloadFormat.Pcmu, RtpPayloadFormat.Pcma, RtpPayloadFormat.G722] };

        var result = NewCall().Answer(Parse(SdpSamples.BaresipWidebandOffer), wideband);

        Assert.True(result.IsSuccess, result.Reason);
        Assert.Equal(RtpPayloadFormat.G722, result.Media.Codec);
        Assert.Equal(101, result.Media.TelephoneEventPayloadType);
        Assert.Equal("m=audio 10000 RTP/AVP 9 101", MediaLine(result.Answer, 0));
    }

    [Fact]
    public void Rtcp_mux_is_accepted_only_when_our_media_layer_can_do_it()
    {
        var offer = Parse(SdpSamples.BaresipWidebandOffer);

        var without = NewCall().Answer(offer, Local);
        var with = NewCall().Answer(offer, Local with { RtcpMux = true });

        Assert.False(without.Answer!.Media[0].RtcpMux);
        Assert.False(without.Media!.RtcpMux);
        Assert.Equal(6203, without.Media.RemoteRtcpPort);
        Assert.True(with.Answer!.Media[0].RtcpMux);
        Assert.True(with.Media!.RtcpMux);
        Assert.Equal(6202, with.Media.RemoteRtcpPort);
    }

    [Fact]
    public void Linphone_offer_gets_pcmu_its_8khz_telephone_event_and_video_rejected()
    {
        var result = NewCall().Answer(Parse(SdpSamples.LinphoneOffer), Local);

        Assert.True(result.IsSuccess, result.Reason);
        Assert.Equal(
            SdpSamples.Crlf("""
                v=0
                o=- 4242 1 IN IP4 127.0.0.1
                s=-
                c=IN IP4 127.0.0.1
                t=0 0
                m=audio 10000 RTP/AVP 0 100
                a=rtpmap:0 PCMU/8000
                a=rtpmap:100 telephone-event/8000
                a=fmtp:100 0-16
                a=ptime:20
                a=sendrecv
                m=video 0 RTP/AVP 96 97
                """),
            result.Answer.ToString());
        Assert.Equal(100, result.Media.TelephoneEventPayloadType);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("192.168.3.117"), 7076), result.Media.RemoteRtpEndPoint);
    }

    [Fact]
    public void Sbc_offer_with_only_pcma_gets_pcma_to_its_media_address_and_rtcp_port()
    {
        var result = NewCall().Answer(Parse(SdpSamples.SbcPcmaOffer), Local);

        Assert.True(result.IsSuccess, result.Reason);
        Assert.Equal("m=audio 10000 RTP/AVP 8 101", MediaLine(result.Answer, 0));
        Assert.Equal(RtpPayloadFormat.Pcma, result.Media.Codec);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("203.0.113.20"), 49152), result.Media.RemoteRtpEndPoint);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("203.0.113.20"), 49157), result.Media.RemoteRtcpEndPoint);
    }

    [Fact]
    public void Peer_maxptime_caps_our_packet_time()
    {
        var result = NewCall().Answer(Parse(SdpSamples.SbcPcmaOffer), Local with { PacketTimeMs = 30 });

        Assert.Equal(20, result.Media!.PacketTimeMs);
        Assert.Equal(30, result.Answer!.Media[0].PacketTime);
    }

    [Fact]
    public void G729_only_offer_is_refused_with_488_listing_what_was_offered()
    {
        var call = NewCall();

        var result = call.Answer(Parse(SdpSamples.G729OnlyOffer), Local);

        Assert.False(result.IsSuccess);
        Assert.Null(result.Answer);
        Assert.Null(result.Media);
        Assert.Equal(SdpNegotiationFailure.NoCommonCodec, result.Failure);
        Assert.Equal(488, result.StatusCode);
        Assert.Equal(305, result.WarningCode);
        Assert.Equal(
            "No common audio codec: offered G729/8000, telephone-event/8000; we accept PCMU/8000, PCMA/8000",
            result.Reason);
        Assert.Equal(1UL, call.Origin.Version);
    }

    [Fact]
    public void Refusal_names_payload_types_it_cannot_resolve()
    {
        var offer = Parse(SdpSamples.Crlf("""
            v=0
            o=- 1 1 IN IP4 192.0.2.9
            s=-
            c=IN IP4 192.0.2.9
            t=0 0
            m=audio 4000 RTP/AVP 97 4
            """));

        var result = NewCall().Answer(offer, Local);

        Assert.Equal("No common audio codec: offered payload type 97 without rtpmap, G723/8000; we accept PCMU/8000, PCMA/8000", result.Reason);
    }

    [Fact]
    public void Video_listed_before_audio_is_rejected_in_its_own_position()
    {
        var result = NewCall().Answer(Parse(SdpSamples.VideoFirstOffer), Local);

        Assert.True(result.IsSuccess, result.Reason);
        Assert.Equal(2, result.Answer.Media.Count);
        Assert.Equal("m=video 0 RTP/AVP 96", MediaLine(result.Answer, 0));
        Assert.Equal("m=audio 10000 RTP/AVP 8 101", MediaLine(result.Answer, 1));
        Assert.Equal(RtpPayloadFormat.Pcma, result.Media.Codec);
        Assert.Equal(5002, result.Media.RemoteRtpPort);
    }

    [Fact]
    public void Offer_without_audio_is_refused_with_warning_304()
    {
        var offer = Parse(SdpSamples.Crlf("""
            v=0
            o=- 1 1 IN IP4 192.0.2.9
            s=-
            c=IN IP4 192.0.2.9
            t=0 0
            m=video 5004 RTP/AVP 96
            m=audio 0 RTP/AVP 0
            """));

        var result = NewCall().Answer(offer, Local);

        Assert.Equal(SdpNegotiationFailure.NoAudioStream, result.Failure);
        Assert.Equal(304, result.WarningCode);
        Assert.Equal("No audio stream offered: video RTP/AVP, audio RTP/AVP (port 0)", result.Reason);
    }

    [Fact]
    public void Srtp_only_audio_is_refused_with_warning_302()
    {
        var offer = Parse(SdpSamples.SippOffer.Replace("RTP/AVP", "RTP/SAVP", StringComparison.Ordinal));

        var result = NewCall().Answer(offer, Local);

        Assert.Equal(SdpNegotiationFailure.UnsupportedTransport, result.Failure);
        Assert.Equal(302, result.WarningCode);
        Assert.Equal("Audio offered over RTP/SAVP; we accept RTP/AVP only", result.Reason);
    }

    [Fact]
    public void Audio_without_any_connection_line_is_refused_with_warning_301()
    {
        var offer = Parse(SdpSamples.SippOffer.Replace("c=IN IP4 127.0.0.1\r\n", "", StringComparison.Ordinal));

        var result = NewCall().Answer(offer, Local);

        Assert.Equal(SdpNegotiationFailure.UnsupportedConnection, result.Failure);
        Assert.Equal(301, result.WarningCode);
    }

    [Fact]
    public void Disabled_audio_line_is_rejected_and_the_next_audio_line_accepted()
    {
        var offer = Parse(SdpSamples.Crlf("""
            v=0
            o=- 1 1 IN IP4 192.0.2.9
            s=-
            c=IN IP4 192.0.2.9
            t=0 0
            m=audio 0 RTP/AVP 0
            m=audio 4000 RTP/AVP 0
            m=audio 4002 RTP/AVP 8
            """));

        var result = NewCall().Answer(offer, Local);

        Assert.True(result.IsSuccess, result.Reason);
        Assert.Equal(
            ["m=audio 0 RTP/AVP 0", "m=audio 10000 RTP/AVP 0", "m=audio 0 RTP/AVP 8"],
            Enumerable.Range(0, 3).Select(i => MediaLine(result.Answer, i)));
        Assert.Equal(4000, result.Media.RemoteRtpPort);
    }

    [Fact]
    public void Hold_re_offer_is_answered_recvonly_and_resume_sendrecv_with_the_version_bumped_each_time()
    {
        var call = NewCall();

        var initial = call.Answer(Parse(SdpSamples.BaresipOffer), Local);
        var hold = call.Answer(Parse(SdpSamples.BaresipHoldOffer), Local);
        var resume = call.Answer(Parse(SdpSamples.BaresipResumeOffer), Local);

        SdpAnswerResult[] answers = [initial, hold, resume];
        Assert.Equal(
            [MediaDirection.SendRecv, MediaDirection.RecvOnly, MediaDirection.SendRecv],
            answers.Select(r => r.Answer!.Media[0].Direction!.Value));
        Assert.Equal([1UL, 2UL, 3UL], answers.Select(r => r.Answer!.Origin.SessionVersion));
        Assert.All(answers, r => Assert.Equal("4242", r.Answer!.Origin.SessionId));

        Assert.Equal(MediaDirection.SendOnly, hold.Media!.RemoteDirection);
        Assert.Equal(MediaDirection.RecvOnly, hold.Media.LocalDirection);
        Assert.True(hold.Media.IsRemoteHold);
        Assert.False(hold.Media.SendsMedia);
        Assert.True(hold.Media.ReceivesMedia);
        Assert.True(resume.Media!.SendsMedia);
    }

    [Fact]
    public void Unchanged_re_offer_gets_the_same_answer_and_version()
    {
        var call = NewCall();

        var first = call.Answer(Parse(SdpSamples.BaresipOffer), Local);
        var refresh = call.Answer(Parse(SdpSamples.BaresipOffer), Local);

        Assert.Equal(first.Answer!.ToString(), refresh.Answer!.ToString());
        Assert.Equal(1UL, call.Origin.Version);
    }

    [Fact]
    public void Legacy_zero_address_hold_is_answered_recvonly_and_nothing_is_sent()
    {
        var result = NewCall().Answer(Parse(SdpSamples.LegacyHoldOffer), Local);

        Assert.True(result.IsSuccess, result.Reason);
        Assert.Equal(MediaDirection.RecvOnly, result.Answer.Media[0].Direction);
        Assert.Equal(MediaDirection.SendOnly, result.Media.RemoteDirection);
        Assert.True(result.Media.IsRemoteHold);
        Assert.False(result.Media.SendsMedia);
        Assert.Equal(new IPEndPoint(IPAddress.Any, 18456), result.Media.RemoteRtpEndPoint);
    }

    [Fact]
    public void Our_own_hold_intent_answers_sendonly()
    {
        var result = NewCall().Answer(Parse(SdpSamples.SippOffer), Local, localIntent: MediaDirection.SendOnly);

        Assert.Equal(MediaDirection.SendOnly, result.Answer!.Media[0].Direction);
        Assert.Equal(MediaDirection.SendOnly, result.Media!.LocalDirection);
        Assert.True(result.Media.SendsMedia);
        Assert.False(result.Media.ReceivesMedia);
    }

    [Fact]
    public void Ipv6_offer_is_answered_from_our_ipv6_address()
    {
        var result = NewCall().Answer(Parse(SdpSamples.Ipv6Offer), new LocalMediaCapabilities("2001:db8::1", 10000));

        Assert.True(result.IsSuccess, result.Reason);
        Assert.StartsWith(
            "v=0\r\no=- 4242 1 IN IP6 2001:db8::1\r\ns=-\r\nc=IN IP6 2001:db8::1\r\nt=0 0\r\nm=audio 10000 RTP/AVP 8 101\r\n",
            result.Answer.ToString(),
            StringComparison.Ordinal);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("2001:db8::10"), 30000), result.Media.RemoteRtpEndPoint);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("2001:db8::10"), 30001), result.Media.RemoteRtcpEndPoint);
    }

    [Fact]
    public void Telephone_event_is_answered_only_when_offered_at_the_codec_clock_rate()
    {
        var noEvents = Parse(SdpSamples.Crlf("""
            v=0
            o=- 1 1 IN IP4 192.0.2.9
            s=-
            c=IN IP4 192.0.2.9
            t=0 0
            m=audio 4000 RTP/AVP 0 110
            a=rtpmap:110 telephone-event/48000
            """));

        var result = NewCall().Answer(noEvents, Local);

        Assert.Equal("m=audio 10000 RTP/AVP 0", MediaLine(result.Answer!, 0));
        Assert.Null(result.Media!.TelephoneEventPayloadType);
    }

    [Fact]
    public void Telephone_event_is_left_out_when_we_turn_it_off()
    {
        var result = NewCall().Answer(Parse(SdpSamples.SippOffer), Local with { TelephoneEvents = false });

        Assert.Equal("m=audio 10000 RTP/AVP 0", MediaLine(result.Answer!, 0));
        Assert.Null(result.Media!.ReceiveTelephoneEventPayloadType);
    }

    [Fact]
    public void Dynamic_payload_type_of_the_offerer_is_kept_for_a_known_codec()
    {
        var offer = Parse(SdpSamples.Crlf("""
            v=0
            o=- 1 1 IN IP4 192.0.2.9
            s=-
            c=IN IP4 192.0.2.9
            t=0 0
            m=audio 4000 RTP/AVP 97
            a=rtpmap:97 pcmu/8000
            """));

        var result = NewCall().Answer(offer, Local);

        Assert.Equal("m=audio 10000 RTP/AVP 97", MediaLine(result.Answer!, 0));
        Assert.Equal("97 PCMU/8000", result.Answer!.Media[0].GetAttributeValue("rtpmap"));
        Assert.Equal(97, result.Media!.Codec.PayloadType);
        Assert.Equal(97, result.Media.ReceivePayloadType);
    }

    [Fact]
    public void Answer_repeats_the_offer_timing()
    {
        var offer = Parse(SdpSamples.SippOffer.Replace("t=0 0", "t=3034423619 3042462419", StringComparison.Ordinal));

        var answer = NewCall().Answer(offer, Local).Answer!;

        var timing = Assert.Single(answer.Timings);
        Assert.Equal((3034423619UL, 3042462419UL), (timing.StartTime, timing.StopTime));
    }

    [Fact]
    public void Rtcp_port_next_to_the_highest_rtp_port_does_not_exist()
    {
        var offer = Parse(SdpSamples.SippOffer.Replace("m=audio 6100", "m=audio 65535", StringComparison.Ordinal));

        var media = NewCall().Answer(offer, Local).Media!;

        Assert.Equal(0, media.RemoteRtcpPort);
        Assert.Equal(65535, media.RemoteRtpEndPoint!.Port);
    }

    [Fact]
    public void Contradictory_capabilities_are_a_programming_error()
    {
        var clash = Local with { TelephoneEventPayloadType = 8 };

        Assert.Throws<ArgumentException>(() => NewCall().Answer(Parse(SdpSamples.SippOffer), clash));
        Assert.Throws<ArgumentException>(() => NewCall().CreateOffer(Local with { Codecs = [] }));
    }

    internal static OfferAnswer NewCall() => new(new LocalSdpOrigin("-", 4242, 1));

    internal static SessionDescription Parse(string text)
    {
        Assert.True(SessionDescription.TryParse(text, out var sdp, out var error), error);
        return sdp;
    }

    internal static string MediaLine(SessionDescription sdp, int index)
    {
        var text = sdp.ToString();
        var lines = text.Split("\r\n");
        return lines.Where(l => l.StartsWith("m=", StringComparison.Ordinal)).ElementAt(index);
    }
}
