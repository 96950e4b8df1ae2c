using System.Text;
using CallMyWay.Voice.Telephony.Sdp;

namespace CallMyWay.Voice.Telephony.Tests.Sdp;

public sealed class SessionDescriptionParseTests
{
    [Fact]
    public void Sipp_offer_is_read_field_by_field()
    {
        var sdp = Parse(SdpSamples.SippOffer);

        Assert.Equal(new SdpOrigin("caller", "53655765", 2353687637, "IN", "IP4", "127.0.0.1"), sdp.Origin);
        Assert.Equal("-", sdp.SessionName);
        Assert.Equal(new SdpConnection("IN", "IP4", "127.0.0.1"), sdp.Connection);
        var timing = Assert.Single(sdp.Timings);
        Assert.Equal((0UL, 0UL), (timing.StartTime, timing.StopTime));
        var audio = Assert.Single(sdp.Media);
        Assert.Equal(("audio", 6100, "RTP/AVP"), (audio.Media, audio.Port, audio.Protocol));
        Assert.Null(audio.PortCount);
        Assert.Equal(["0", "8", "101"], audio.Formats);
        Assert.Equal(MediaDirection.SendRecv, audio.Direction);
        Assert.Equal(
            [RtpPayloadFormat.Pcmu, RtpPayloadFormat.Pcma, RtpPayloadFormat.TelephoneEvent(101, "0-16")],
            audio.GetPayloadFormats());
    }

    [Fact]
    public void Utf8_bytes_parse_like_the_text()
    {
        Assert.True(SessionDescription.TryParse(Encoding.UTF8.GetBytes(SdpSamples.BaresipOffer), out var fromBytes, out var error), error);

        Assert.Equal(SdpSamples.BaresipOffer, fromBytes.ToString());
    }

    [Fact]
    public void Bare_lf_line_ends_trailing_whitespace_and_blank_lines_are_tolerated()
    {
        var sloppy = "\nv=0  \no=- 1 2 IN IP4 10.0.0.1\t\ns=-\nc=IN IP4 10.0.0.1 \n\nt=0 0\nm=audio 4000 RTP/AVP 0   \na=sendonly \n\n";

        var sdp = Parse(sloppy);

        Assert.Equal("10.0.0.1", sdp.Connection!.Address);
        Assert.Equal(["0"], sdp.Media[0].Formats);
        Assert.Equal(MediaDirection.SendOnly, sdp.Media[0].Direction);
        Assert.Equal(
            "v=0\r\no=- 1 2 IN IP4 10.0.0.1\r\ns=-\r\nc=IN IP4 10.0.0.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\na=sendonly\r\n",
            sdp.ToString());
    }

    [Fact]
    public void Static_payload_types_are_known_without_rtpmap()
    {
        var sdp = Parse(SdpSamples.Crlf("""
            v=0
            o=- 1 1 IN IP4 10.0.0.1
            s=-
            c=IN IP4 10.0.0.1
            t=0 0
            m=audio 4000 RTP/AVP 0 8 9 18 3 13 96
            """));

        Assert.Equal(
            ["PCMU/8000", "PCMA/8000", "G722/8000", "G729/8000", "GSM/8000", "CN/8000"],
            sdp.Media[0].GetPayloadFormats().Select(f => f.ToString()));
        Assert.False(sdp.Media[0].TryGetPayloadFormat(96, out _));
    }

    [Fact]
    public void Rtpmap_overrides_the_static_meaning_and_fmtp_is_attached()
    {
        var sdp = Parse(SdpSamples.LinphoneOffer);
        var audio = sdp.Media[0];

        Assert.True(audio.TryGetPayloadFormat(18, out var g729));
        Assert.Equal(new RtpPayloadFormat(18, "G729", 8000, 1, "annexb=yes"), g729);
        Assert.True(audio.TryGetPayloadFormat(96, out var opus));
        Assert.Equal(new RtpPayloadFormat(96, "opus", 48000, 2, "useinbandfec=1"), opus);
        Assert.True(sdp.Media[1].TryGetPayloadFormat(96, out var vp8));
        Assert.Equal("VP8/90000", vp8.ToString());
    }

    [Fact]
    public void Media_connection_overrides_session_connection()
    {
        var sdp = Parse(SdpSamples.SbcPcmaOffer);

        Assert.Equal("203.0.113.10", sdp.Connection!.Address);
        Assert.Equal("203.0.113.20", sdp.GetConnection(sdp.Media[0])!.Address);
        Assert.Equal(new RtcpAttribute(49157), sdp.Media[0].Rtcp);
        Assert.Equal(20, sdp.Media[0].MaxPacketTime);
        Assert.Equal([new SdpBandwidth("AS", 64)], sdp.Media[0].Bandwidths);
        Assert.Equal([new SdpBandwidth("CT", 10000000)], sdp.Bandwidths);
    }

    [Fact]
    public void Session_connection_applies_when_the_media_has_none()
    {
        var sdp = Parse(SdpSamples.SippOffer);

        Assert.Null(sdp.Media[0].Connection);
        Assert.Equal("127.0.0.1", sdp.GetConnection(sdp.Media[0])!.Address);
    }

    [Fact]
    public void Ipv6_connection_is_read_as_an_ip_address()
    {
        var sdp = Parse(SdpSamples.Ipv6Offer);
        var connection = sdp.GetConnection(sdp.Media[0])!;

        Assert.Equal("IP6", connection.AddressType);
        Assert.True(connection.TryGetIPAddress(out var address));
        Assert.Equal(System.Net.IPAddress.Parse("2001:db8::10"), address);
        Assert.False(connection.IsUnspecified);
    }

    [Fact]
    public void Zero_address_is_unspecified_and_a_shorthand_ip4_is_not_an_address()
    {
        Assert.True(new SdpConnection("IN", "IP4", "0.0.0.0").IsUnspecified);
        Assert.True(new SdpConnection("IN", "IP6", "::").IsUnspecified);
        Assert.False(new SdpConnection("IN", "IP4", "127.1").TryGetIPAddress(out _));
        Assert.False(new SdpConnection("IN", "IP4", "::1").TryGetIPAddress(out _));
        Assert.True(new SdpConnection("IN", "IP4", "224.2.1.1/127/3").TryGetIPAddress(out var multicast));
        Assert.Equal("224.2.1.1", multicast.ToString());
    }

    [Fact]
    public void Direction_falls_back_from_media_to_session_to_sendrecv()
    {
        var sdp = Parse(SdpSamples.Crlf("""
            v=0
            o=- 1 1 IN IP4 10.0.0.1
            s=-
            c=IN IP4 10.0.0.1
            t=0 0
            a=recvonly
            m=audio 4000 RTP/AVP 0
            m=audio 4002 RTP/AVP 0
            a=inactive
            """));
        var plain = Parse(SdpSamples.G729OnlyOffer.Replace("a=sendrecv\r\n", "", StringComparison.Ordinal));

        Assert.Equal(MediaDirection.RecvOnly, sdp.GetDirection(sdp.Media[0]));
        Assert.Equal(MediaDirection.Inactive, sdp.GetDirection(sdp.Media[1]));
        Assert.Equal(MediaDirection.SendRecv, plain.GetDirection(plain.Media[0]));
    }

    [Fact]
    public void Unknown_lines_and_attributes_are_kept()
    {
        var sdp = Parse(SdpSamples.Crlf("""
            v=0
            o=- 1 1 IN IP4 10.0.0.1
            s=-
            c=IN IP4 10.0.0.1
            t=0 0
            x=session extension
            a=group:BUNDLE 0
            m=audio 4000 RTP/AVP 0
            y=media extension
            a=mid:0
            a=x-custom
            """));

        Assert.Equal([new SdpLine('x', "session extension")], sdp.UnknownLines);
        Assert.Equal([new SdpAttribute("group", "BUNDLE 0")], sdp.Attributes);
        Assert.Equal([new SdpLine('y', "media extension")], sdp.Media[0].UnknownLines);
        Assert.Equal([new SdpAttribute("mid", "0"), new SdpAttribute("x-custom")], sdp.Media[0].Attributes);
    }

    [Fact]
    public void Port_count_rtcp_mux_and_rtcp_with_address_are_read()
    {
        var sdp = Parse(SdpSamples.Crlf("""
            v=0
            o=- 1 1 IN IP4 10.0.0.1
            s=-
            c=IN IP4 10.0.0.1
            t=0 0
            m=audio 4000/2 RTP/AVP 0
            a=rtcp:53020 IN IP6 2001:db8::2
            a=rtcp-mux
            """));
        var audio = sdp.Media[0];

        Assert.Equal(2, audio.PortCount);
        Assert.True(audio.RtcpMux);
        Assert.Equal(new RtcpAttribute(53020, new SdpConnection("IN", "IP6", "2001:db8::2")), audio.Rtcp);
    }

    [Theory]
    [InlineData("", "not SDP: no v= line")]
    [InlineData("\r\n\r\n", "not SDP: no v= line")]
    [InlineData("o=- 1 1 IN IP4 10.0.0.1\r\ns=-\r\n", "line 1: SDP must start with v=0")]
    [InlineData("v=1\r\no=- 1 1 IN IP4 10.0.0.1\r\n", "line 1: unsupported SDP version")]
    [InlineData("v=0\r\ns=-\r\nt=0 0\r\n", "missing o= line")]
    [InlineData("v=0\r\no=- 1 1 IN IP4\r\n", "line 2: o= needs")]
    [InlineData("v=0\r\no=- 1 x IN IP4 10.0.0.1\r\n", "line 2: o= session version 'x'")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\nc=IN IP4\r\n", "line 3: c= needs")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\nm=audio abc RTP/AVP 0\r\n", "line 3: m= port 'abc' is not a number from 0 to 65535")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\nm=audio 70000 RTP/AVP 0\r\n", "line 3: m= port '70000'")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\nm=audio -1 RTP/AVP 0\r\n", "line 3: m= port '-1'")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\nm=audio 4000/0 RTP/AVP 0\r\n", "line 3: m= port count")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\nm=audio 4000\r\n", "line 3: m= needs")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\nm=audio 4000 RTP/AVP\r\n", "line 3: m= lists no media formats")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\nb=AS:lots\r\n", "line 3: b= must be")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\nt=now\r\n", "line 3: t= must be")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\nr=7d 1h 0 25h\r\n", "line 3: r= must follow a t= line")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\na=:x\r\n", "line 3: a= needs a name")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\nhello world\r\n", "line 3: expected <type>=<value> but found 'hello world'")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\nA=1\r\n", "line 3: 'A' is not an SDP line type")]
    [InlineData("v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\nm=audio 4000 RTP/AVP 0\r\nt=0 0\r\n", "line 4: t= belongs to the session section")]
    [InlineData("v=0\r\nv=0\r\n", "line 2: v= may appear only once")]
    [InlineData("INVITE sip:1000@127.0.0.1 SIP/2.0\r\n", "line 1: expected <type>=<value>")]
    public void Malformed_sdp_gives_a_clear_error_without_throwing(string text, string expected)
    {
        var parsed = SessionDescription.TryParse(text, out var sdp, out var error);

        Assert.False(parsed);
        Assert.Null(sdp);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_and_binary_garbage_fail_cleanly()
    {
        Assert.False(SessionDescription.TryParse((string?)null, out _, out var nullError));
        Assert.Equal("not SDP: no v= line", nullError);

        byte[] garbage = [0xFF, 0xFE, 0x00, 0x3D, 0x0A, 0xC3, 0x28, 0x0D, 0x0A, 0x76, 0x3D];
        Assert.False(SessionDescription.TryParse(garbage, out _, out var garbageError));
        Assert.StartsWith("line 1:", garbageError, StringComparison.Ordinal);
    }

    [Fact]
    public void Oversized_input_is_refused_before_reading()
    {
        var huge = new byte[SessionDescription.MaxLength + 1];

        Assert.False(SessionDescription.TryParse(huge, out _, out var error));
        Assert.Contains("at most 65536", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Error_echo_is_bounded_and_free_of_control_characters()
    {
        var text = "v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\n" + "\u0001" + new string('z', 500) + "\r\n";

        Assert.False(SessionDescription.TryParse(text, out _, out var error));
        Assert.DoesNotContain('\u0001', error);
        Assert.True(error.Length < 120, error);
    }

    private static SessionDescription Parse(string text)
    {
        Assert.True(SessionDescription.TryParse(text, out var sdp, out var error), error);
        return sdp;
    }
}
