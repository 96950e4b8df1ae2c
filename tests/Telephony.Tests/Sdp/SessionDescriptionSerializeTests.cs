using System.Text;
using CallMyWay.Voice.Telephony.Sdp;

namespace CallMyWay.Voice.Telephony.Tests.Sdp;

public sealed class SessionDescriptionSerializeTests
{
    public static TheoryData<string> RealOffers() =>
    [
        SdpSamples.SippOffer,
        SdpSamples.SippUasAnswer,
        SdpSamples.BaresipOffer,
        SdpSamples.BaresipWidebandOffer,
        SdpSamples.LinphoneOffer,
        SdpSamples.SbcPcmaOffer,
        SdpSamples.G729OnlyOffer,
        SdpSamples.VideoFirstOffer,
        SdpSamples.LegacyHoldOffer,
        SdpSamples.Ipv6Offer,
    ];

    [Theory]
    [MemberData(nameof(RealOffers))]
    public void Real_sdp_survives_parse_and_serialize_byte_for_byte(string text)
    {
        Assert.True(SessionDescription.TryParse(text, out var sdp, out var error), error);

        Assert.Equal(text, sdp.ToString());
        Assert.Equal(Encoding.UTF8.GetBytes(text), sdp.ToUtf8Bytes());
    }

    [Fact]
    public void Lines_are_written_in_the_rfc_order_whatever_order_they_came_in()
    {
        var shuffled = SdpSamples.Crlf("""
            v=0
            a=tool:test
            t=0 0
            c=IN IP4 10.0.0.1
            b=AS:80
            s=Shuffled
            o=- 1 1 IN IP4 10.0.0.1
            m=audio 4000 RTP/AVP 0
            a=ptime:20
            b=AS:64
            c=IN IP4 10.0.0.2
            i=voice
            """);

        Assert.True(SessionDescription.TryParse(shuffled, out var sdp, out var error), error);

        Assert.Equal(
            SdpSamples.Crlf("""
                v=0
                o=- 1 1 IN IP4 10.0.0.1
                s=Shuffled
                c=IN IP4 10.0.0.1
                b=AS:80
                t=0 0
                a=tool:test
                m=audio 4000 RTP/AVP 0
                i=voice
                c=IN IP4 10.0.0.2
                b=AS:64
                a=ptime:20
                """),
            sdp.ToString());
    }

    [Fact]
    public void Every_session_line_kind_round_trips()
    {
        var full = SdpSamples.Crlf("""
            v=0
            o=jdoe 2890844526 2890842807 IN IP4 10.47.16.5
            s=SDP Seminar
            i=A Seminar on the session description protocol
            u=http://www.example.com/seminars/sdp.pdf
            e=j.doe@example.com (Jane Doe)
            p=+1 617 555-6011
            c=IN IP4 224.2.17.12/127
            b=CT:128
            t=2873397496 2873404696
            r=7d 1h 0 25h
            z=2882844526 -1h 2898848070 0
            k=clear:secret
            x=unknown
            a=recvonly
            m=audio 49170/2 RTP/AVP 0
            i=audio
            b=AS:64
            k=prompt
            a=rtpmap:0 PCMU/8000
            m=video 51372 RTP/AVP 99
            a=rtpmap:99 h263-1998/90000
            """);

        Assert.True(SessionDescription.TryParse(full, out var sdp, out var error), error);

        Assert.Equal(full, sdp.ToString());
    }

    [Fact]
    public void A_built_description_is_written_with_crlf_and_default_timing()
    {
        var sdp = new SessionDescription(new SdpOrigin("-", "42", 7, "IN", "IP4", "192.0.2.1"))
        {
            Connection = SdpConnection.FromAddress("192.0.2.1"),
        };
        var audio = new MediaDescription("audio", 10000, MediaDescription.RtpAvpProtocol);
        audio.AddPayloadFormat(RtpPayloadFormat.Pcma);
        audio.AddPayloadFormat(RtpPayloadFormat.TelephoneEvent(101));
        audio.PacketTime = 20;
        audio.Direction = MediaDirection.SendRecv;
        sdp.Media.Add(audio);

        Assert.Equal(
            "v=0\r\no=- 42 7 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n"
            + "m=audio 10000 RTP/AVP 8 101\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:101 telephone-event/8000\r\n"
            + "a=fmtp:101 0-16\r\na=ptime:20\r\na=sendrecv\r\n",
            sdp.ToString());
    }

    [Fact]
    public void Changing_the_direction_replaces_the_attribute_in_place()
    {
        Assert.True(SessionDescription.TryParse(SdpSamples.BaresipOffer, out var sdp, out _));

        sdp.Media[0].Direction = MediaDirection.SendOnly;

        Assert.Equal(SdpSamples.BaresipHoldOffer.Replace("3129547012", "3129547011", StringComparison.Ordinal), sdp.ToString());
    }
}
