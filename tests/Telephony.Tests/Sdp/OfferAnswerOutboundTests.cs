using System.Net;
using CallMyWay.Voice.Telephony.Sdp;
using static CallMyWay.Voice.Telephony.Tests.Sdp.OfferAnswerTests;

namespace CallMyWay.Voice.Telephony.Tests.Sdp;

public sealed class OfferAnswerOutboundTests
{
    private static readonly LocalMediaCapabilities Local = new("127.0.0.1", 10000);

    [Fact]
    public void Offer_lists_our_codecs_in_our_order_with_telephone_event_and_ptime()
    {
        var offer = NewCall().CreateOffer(Local, MediaDirection.SendRecv);

        Assert.Equal(
            SdpSamples.Crlf("""
                v=0
                o=- 4242 1 IN IP4 127.0.0.1
                s=-
                c=IN IP4 127.0.0.1
                t=0 0
                m=audio 10000 RTP/AVP 0 8 101
                a=rtpmap:0 PCMU/8000
                a=rtpmap:8 PCMA/8000
                a=rtpmap:101 telephone-event/8000
                a=fmtp:101 0-16
                a=ptime:20
                a=sendrecv
                """),
            offer.ToString());
    }

    [Fact]
    public void Offer_carries_rtcp_mux_or_an_explicit_rtcp_port_when_configured()
    {
        var muxed = NewCall().CreateOffer(Local with { RtcpMux = true }, MediaDirection.SendRecv);
        var separate = NewCall().CreateOffer(Local with { RtcpPort = 10003 }, MediaDirection.SendRecv);

        Assert.True(muxed.Media[0].RtcpMux);
        Assert.Null(muxed.Media[0].Rtcp);
        Assert.Equal(new RtcpAttribute(10003), separate.Media[0].Rtcp);
    }

    [Fact]
    public void Sipp_trunk_answer_gives_pcmu_its_endpoint_and_telephone_event()
    {
        var offer = NewCall().CreateOffer(Local, MediaDirection.SendRecv);

        Assert.True(OfferAnswer.TryReadAnswer(offer, Parse(SdpSamples.SippUasAnswer), out var media, out var error), error);

        Assert.Equal(RtpPayloadFormat.Pcmu, media.Codec);
        Assert.Equal(0, media.ReceivePayloadType);
        Assert.Equal(101, media.TelephoneEventPayloadType);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 6000), media.RemoteRtpEndPoint);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 6001), media.RemoteRtcpEndPoint);
        Assert.Equal((MediaDirection.SendRecv, MediaDirection.SendRecv), (media.LocalDirection, media.RemoteDirection));
        Assert.Equal(20, media.PacketTimeMs);
        Assert.Equal(20, media.RemotePacketTimeMs);
        Assert.True(media.SendsMedia);
    }

    [Fact]
    public void Answer_with_its_own_payload_numbers_is_sent_with_them_and_received_with_ours()
    {
        var offer = NewCall().CreateOffer(Local, MediaDirection.SendRecv);
        var answer = Parse(SdpSamples.Crlf("""
            v=0
            o=gw 1 1 IN IP4 192.0.2.70
            s=-
            c=IN IP4 192.0.2.70
            t=0 0
            m=audio 20000 RTP/AVP 8 96
            a=rtpmap:8 PCMA/8000
            a=rtpmap:96 telephone-event/8000
            a=fmtp:96 0-15
            a=rtcp-mux
            """));

        Assert.True(OfferAnswer.TryReadAnswer(offer, answer, out var media, out var error), error);

        Assert.Equal(RtpPayloadFormat.Pcma, media.Codec);
        Assert.Equal(96, media.TelephoneEventPayloadType);
        Assert.Equal(101, media.ReceiveTelephoneEventPayloadType);
        Assert.False(media.RtcpMux);
        Assert.Equal(20001, media.RemoteRtcpPort);
    }

    [Fact]
    public void Our_hold_re_offer_is_sendonly_with_the_next_version_and_the_answer_recvonly_keeps_us_sending()
    {
        var call = NewCall();
        call.CreateOffer(Local, MediaDirection.SendRecv);

        var hold = call.CreateOffer(Local, MediaDirection.SendOnly);
        var answer = Parse(SdpSamples.SippUasAnswer.Replace("a=sendrecv", "a=recvonly", StringComparison.Ordinal));

        Assert.Equal(2UL, hold.Origin.SessionVersion);
        Assert.Equal("4242", hold.Origin.SessionId);
        Assert.Equal(MediaDirection.SendOnly, hold.Media[0].Direction);
        Assert.True(OfferAnswer.TryReadAnswer(hold, answer, out var media, out var error), error);
        Assert.Equal(MediaDirection.SendOnly, media.LocalDirection);
        Assert.False(media.ReceivesMedia);
        Assert.True(media.SendsMedia);
    }

    [Fact]
    public void Our_offer_answered_by_our_own_answerer_agrees_on_both_sides()
    {
        var caller = NewCall();
        var callee = new OfferAnswer(new LocalSdpOrigin("callee", 99, 5));
        var offer = caller.CreateOffer(Local with { Codecs = [RtpPayloadFormat.Pcma, RtpPayloadFormat.Pcmu] }, MediaDirection.SendRecv);

        var answered = callee.Answer(Parse(offer.ToString()), new LocalMediaCapabilities("192.0.2.80", 30000));
        Assert.True(OfferAnswer.TryReadAnswer(offer, Parse(answered.Answer!.ToString()), out var media, out var error), error);

        Assert.Equal(RtpPayloadFormat.Pcma, answered.Media!.Codec);
        Assert.Equal(RtpPayloadFormat.Pcma, media.Codec);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("192.0.2.80"), 30000), media.RemoteRtpEndPoint);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 10000), answered.Media.RemoteRtpEndPoint);
        Assert.Equal(101, media.TelephoneEventPayloadType);
        Assert.Equal(101, answered.Media.TelephoneEventPayloadType);
    }

    [Theory]
    [InlineData("m=audio 6000 RTP/AVP 0 101\r\n", "m=audio 6000 RTP/AVP 0 101\r\nm=video 0 RTP/AVP 96\r\n", "The answer has 2 m= lines but the offer had 1")]
    [InlineData("m=audio 6000 RTP/AVP 0 101", "m=audio 0 RTP/AVP 0 101", "The peer rejected the audio stream")]
    [InlineData("m=audio 6000 RTP/AVP 0 101", "m=audio 6000 RTP/AVP 18 101", "The answer has no codec from our offer; answered: G729/8000, telephone-event/8000")]
    [InlineData("c=IN IP4 127.0.0.1\r\n", "", "The answer's audio stream has no usable IN IP4/IP6 c= line")]
    public void Unusable_answer_is_reported_not_thrown(string find, string replace, string expected)
    {
        var offer = NewCall().CreateOffer(Local, MediaDirection.SendRecv);
        var answer = Parse(SdpSamples.SippUasAnswer.Replace(find, replace, StringComparison.Ordinal));

        Assert.False(OfferAnswer.TryReadAnswer(offer, answer, out var media, out var error));

        Assert.Null(media);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }
}
