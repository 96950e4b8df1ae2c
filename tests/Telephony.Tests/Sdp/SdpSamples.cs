namespace CallMyWay.Voice.Telephony.Tests.Sdp;

/// <summary>
/// Offers and answers as real peers send them, with CRLF line ends. The sipp ones are the bodies of
/// shared/sip/scenarios/*.xml with sipp's keywords filled in as the README's commands do.
/// </summary>
internal static class SdpSamples
{
    /// <summary>sipp uac_basic.xml (<c>-mi 127.0.0.1 -mp 6100</c>): PCMU, PCMA, telephone-event 101.</summary>
    public static readonly string SippOffer = Crlf("""
        v=0
        o=caller 53655765 2353687637 IN IP4 127.0.0.1
        s=-
        c=IN IP4 127.0.0.1
        t=0 0
        m=audio 6100 RTP/AVP 0 8 101
        a=rtpmap:0 PCMU/8000
        a=rtpmap:8 PCMA/8000
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-16
        a=sendrecv
        """);

    /// <summary>sipp uas_answer.xml (<c>-mi 127.0.0.1 -mp 6000</c>): the trunk's answer, PCMU and 101.</summary>
    public static readonly string SippUasAnswer = Crlf("""
        v=0
        o=trunk 53655765 2353687637 IN IP4 127.0.0.1
        s=-
        c=IN IP4 127.0.0.1
        t=0 0
        m=audio 6000 RTP/AVP 0 101
        a=rtpmap:0 PCMU/8000
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-16
        a=ptime:20
        a=sendrecv
        """);

    /// <summary>
    /// baresip 1.0.0 as shared/sip/baresip/config.template runs it (g711 module only, rtcp_mux no, RTP 6200),
    /// in the line order of the baresip capture in baresip/baresip#813.
    /// </summary>
    public static readonly string BaresipOffer = Crlf("""
        v=0
        o=- 3926013429 3129547011 IN IP4 127.0.0.1
        s=-
        c=IN IP4 127.0.0.1
        t=0 0
        a=tool:baresip 1.0.0
        m=audio 6200 RTP/AVP 0 8 101
        a=rtpmap:0 PCMU/8000
        a=rtpmap:8 PCMA/8000
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-15
        a=sendrecv
        a=label:1
        a=rtcp-rsize
        a=ssrc:1613256890 cname:sip:tester@127.0.0.1
        a=ptime:20
        """);

    /// <summary>baresip 1.0.0 with the opus and g722 modules loaded and rtcp_mux yes.</summary>
    public static readonly string BaresipWidebandOffer = Crlf("""
        v=0
        o=- 1140145081 1649997976 IN IP4 127.0.0.1
        s=-
        c=IN IP4 127.0.0.1
        t=0 0
        a=tool:baresip 1.0.0
        m=audio 6202 RTP/AVP 96 9 0 8 101
        a=rtpmap:96 opus/48000/2
        a=fmtp:96 stereo=1;sprop-stereo=1
        a=rtpmap:9 G722/8000
        a=rtpmap:0 PCMU/8000
        a=rtpmap:8 PCMA/8000
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-15
        a=sendrecv
        a=label:1
        a=rtcp-rsize
        a=rtcp-mux
        a=ssrc:2837449815 cname:sip:tester@127.0.0.1
        a=ptime:20
        """);

    /// <summary>
    /// Linphone audio + video offer (after the capture in BelledonneCommunications/linphone-android#1669): opus
    /// and speex first, G.711 later, G.729 without rtpmap, and three telephone-event clock rates of which only
    /// pt 100 is the 8 kHz one.
    /// </summary>
    public static readonly string LinphoneOffer = Crlf("""
        v=0
        o=linphone 3357 3332 IN IP4 192.168.3.117
        s=Talk
        c=IN IP4 192.168.3.117
        t=0 0
        a=rtcp-xr:rcvr-rtt=all:10000 stat-summary=loss,dup,jitt,TTL voip-metrics
        m=audio 7076 RTP/AVP 96 97 98 0 8 18 101 99 100
        a=rtpmap:96 opus/48000/2
        a=fmtp:96 useinbandfec=1
        a=rtpmap:97 speex/16000
        a=fmtp:97 vbr=on
        a=rtpmap:98 speex/8000
        a=fmtp:98 vbr=on
        a=fmtp:18 annexb=yes
        a=rtpmap:101 telephone-event/48000
        a=rtpmap:99 telephone-event/16000
        a=rtpmap:100 telephone-event/8000
        a=rtcp-fb:* trr-int 1000
        a=rtcp-fb:* ccm tmmbr
        m=video 9078 RTP/AVP 96 97
        a=rtpmap:96 VP8/90000
        a=rtpmap:97 H264/90000
        a=fmtp:97 profile-level-id=42801F
        a=rtcp-fb:* trr-int 1000
        a=rtcp-fb:* ccm tmmbr
        a=rtcp-fb:96 nack pli
        a=rtcp-fb:96 ccm fir
        a=rtcp-fb:97 nack pli
        a=rtcp-fb:97 ccm fir
        """);

    /// <summary>
    /// Written after what an SBC in front of Teams Direct Routing sends: PCMA only, comfort noise, a media-level c= that overrides the
    /// session's, RTCP on an explicit port (RFC 3605), ptime and maxptime.
    /// </summary>
    public static readonly string SbcPcmaOffer = Crlf("""
        v=0
        o=SBC 1649 1 IN IP4 203.0.113.10
        s=SBC-Call
        c=IN IP4 203.0.113.10
        b=CT:10000000
        t=0 0
        m=audio 49152 RTP/AVP 8 101 13
        c=IN IP4 203.0.113.20
        b=AS:64
        a=rtpmap:8 PCMA/8000
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-16
        a=rtpmap:13 CN/8000
        a=rtcp:49157
        a=ptime:20
        a=maxptime:20
        a=sendrecv
        a=label:main-audio
        """);

    /// <summary>An old gateway that speaks G.729 only.</summary>
    public static readonly string G729OnlyOffer = Crlf("""
        v=0
        o=- 20518 0 IN IP4 198.51.100.7
        s=SDP data
        c=IN IP4 198.51.100.7
        t=0 0
        m=audio 11796 RTP/AVP 18 101
        a=rtpmap:18 G729/8000
        a=fmtp:18 annexb=no
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-15
        a=sendrecv
        """);

    /// <summary>A video phone that lists video before audio.</summary>
    public static readonly string VideoFirstOffer = Crlf("""
        v=0
        o=- 7 1 IN IP4 192.0.2.50
        s=-
        c=IN IP4 192.0.2.50
        t=0 0
        m=video 5004 RTP/AVP 96
        a=rtpmap:96 H264/90000
        m=audio 5002 RTP/AVP 8 0 101
        a=rtpmap:101 telephone-event/8000
        """);

    /// <summary>baresip putting the call on hold: same session, version + 1, sendonly (RFC 3264 §8.4).</summary>
    public static readonly string BaresipHoldOffer = Crlf("""
        v=0
        o=- 3926013429 3129547012 IN IP4 127.0.0.1
        s=-
        c=IN IP4 127.0.0.1
        t=0 0
        a=tool:baresip 1.0.0
        m=audio 6200 RTP/AVP 0 8 101
        a=rtpmap:0 PCMU/8000
        a=rtpmap:8 PCMA/8000
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-15
        a=sendonly
        a=label:1
        a=rtcp-rsize
        a=ssrc:1613256890 cname:sip:tester@127.0.0.1
        a=ptime:20
        """);

    /// <summary>baresip taking the call off hold: version + 2, sendrecv again.</summary>
    public static readonly string BaresipResumeOffer = Crlf("""
        v=0
        o=- 3926013429 3129547013 IN IP4 127.0.0.1
        s=-
        c=IN IP4 127.0.0.1
        t=0 0
        a=tool:baresip 1.0.0
        m=audio 6200 RTP/AVP 0 8 101
        a=rtpmap:0 PCMU/8000
        a=rtpmap:8 PCMA/8000
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-15
        a=sendrecv
        a=label:1
        a=rtcp-rsize
        a=ssrc:1613256890 cname:sip:tester@127.0.0.1
        a=ptime:20
        """);

    /// <summary>An RFC 2543-era phone holding with c=0.0.0.0 and no direction attribute.</summary>
    public static readonly string LegacyHoldOffer = Crlf("""
        v=0
        o=CiscoSystemsSIP-GW-UserAgent 9473 2 IN IP4 192.0.2.33
        s=SIP Call
        c=IN IP4 0.0.0.0
        t=0 0
        m=audio 18456 RTP/AVP 0 101
        a=rtpmap:0 PCMU/8000
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-15
        """);

    /// <summary>An IPv6-only softphone.</summary>
    public static readonly string Ipv6Offer = Crlf("""
        v=0
        o=- 4858 4858 IN IP6 2001:db8::10
        s=-
        c=IN IP6 2001:db8::10
        t=0 0
        m=audio 30000 RTP/AVP 8 0 101
        a=rtpmap:8 PCMA/8000
        a=rtpmap:0 PCMU/8000
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-16
        a=ptime:20
        """);

    public static string Crlf(string text) => text.ReplaceLineEndings("\r\n") + "\r\n";
}
