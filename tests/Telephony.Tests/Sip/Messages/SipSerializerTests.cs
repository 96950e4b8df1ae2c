using System.Buffers;
using System.Text;
using CallMyWay.Voice.Telephony.Sip.Messages;

namespace CallMyWay.Voice.Telephony.Tests.Sip.Messages;

public sealed class SipSerializerTests
{
    public static TheoryData<string> ValidMessages() =>
    [
        "invite-sipp.sip", "ok-sipp-via-list.sip", "register-digest.sip", "proxy-auth-repeated-vias.sip",
        "compact-forms.sip", "folded-headers.sip",
        "Rfc4475/wsinv.dat", "Rfc4475/intmeth.dat", "Rfc4475/esc01.dat", "Rfc4475/escnull.dat", "Rfc4475/esc02.dat",
        "Rfc4475/lwsdisp.dat", "Rfc4475/longreq.dat", "Rfc4475/dblreq.dat", "Rfc4475/semiuri.dat",
        "Rfc4475/transports.dat", "Rfc4475/mpart01.dat", "Rfc4475/unreason.dat", "Rfc4475/noreason.dat",
        "Rfc4475/inv2543.dat", "Rfc4475/unksm2.dat", "Rfc4475/regescrt.dat",
    ];

    [Theory]
    [MemberData(nameof(ValidMessages))]
    public void Parse_write_parse_gives_the_same_message(string file)
    {
        var first = SipTestData.Parse(SipTestData.Read(file));

        var written = first.ToBytes();
        var second = SipTestData.Parse(written);

        Assert.Equal(StartLine(first), StartLine(second));
        Assert.Equal(first.Headers.Where(h => h.Name != "Content-Length"), second.Headers.Where(h => h.Name != "Content-Length"));
        Assert.Equal(first.Body.ToArray(), second.Body.ToArray());
        Assert.Equal(first.Vias.Select(via => via.ToString()), second.Vias.Select(via => via.ToString()));
        Assert.Equal(first.CSeq, second.CSeq);
        Assert.Equal(written, second.ToBytes());
    }

    [Fact]
    public void Sipp_invite_is_written_back_byte_for_byte_apart_from_content_length_padding()
    {
        var original = SipTestData.Read("invite-sipp.sip");

        var written = SipTestData.Parse(original).ToBytes();

        Assert.Equal(Encoding.ASCII.GetString(original).Replace("Content-Length:   222", "Content-Length: 222", StringComparison.Ordinal), Encoding.ASCII.GetString(written));
    }

    [Fact]
    public void Built_request_is_written_with_canonical_names_and_a_true_content_length()
    {
        var request = new SipRequest(SipMethod.Invite, SipUri.Parse("sip:+525541708422@sip.callmyway.test;user=phone"));
        request.Headers.Add("v", "SIP/2.0/UDP 192.0.2.7:5060;branch=z9hG4bKabc");
        request.Headers.Add("Max-Forwards", "70");
        request.From = new NameAddress(SipUri.Parse("sip:caller@192.0.2.7"), "Caller").WithTag("t1");
        request.To = NameAddress.Parse("<sip:+525541708422@sip.callmyway.test;user=phone>");
        request.CallId = "c1@192.0.2.7";
        request.CSeq = new CSeq(1, SipMethod.Invite);
        request.Headers.Add("l", "999");
        request.ContentType = "text/plain";
        request.Body = "hi"u8.ToArray();

        var text = request.ToString();

        Assert.Equal(
            "INVITE sip:+525541708422@sip.callmyway.test;user=phone SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 192.0.2.7:5060;branch=z9hG4bKabc\r\n"
            + "Max-Forwards: 70\r\n"
            + "From: \"Caller\" <sip:caller@192.0.2.7>;tag=t1\r\n"
            + "To: <sip:+525541708422@sip.callmyway.test;user=phone>\r\n"
            + "Call-ID: c1@192.0.2.7\r\n"
            + "CSeq: 1 INVITE\r\n"
            + "Content-Length: 2\r\n"
            + "Content-Type: text/plain\r\n"
            + "\r\n"
            + "hi",
            text);
    }

    [Fact]
    public void Content_length_is_appended_when_the_headers_lack_it()
    {
        var response = new SipResponse(486);

        var text = Encoding.ASCII.GetString(response.ToBytes());

        Assert.Equal("SIP/2.0 486 Busy Here\r\nContent-Length: 0\r\n\r\n", text);
    }

    [Fact]
    public void Writing_into_a_buffer_writer_matches_to_bytes()
    {
        var message = SipTestData.Parse(SipTestData.Read("register-digest.sip"));
        var writer = new ArrayBufferWriter<byte>(16);

        message.WriteTo(writer);

        Assert.Equal(message.ToBytes(), writer.WrittenSpan.ToArray());
    }

    private static string StartLine(SipMessage message) => message switch
    {
        SipRequest request => $"{request.Method} {request.RequestUri} {request.Version}",
        SipResponse response => $"{response.Version} {response.StatusCode} {response.ReasonPhrase}",
        _ => throw new InvalidOperationException(),
    };
}
