using System.Text;
using CallMyWay.Voice.Telephony.Sip.Messages;

namespace CallMyWay.Voice.Telephony.Tests.Sip.Messages;

public sealed class SipParserTests
{
    private const string Options = """
        OPTIONS sip:1000@192.0.2.1 SIP/2.0
        Via: SIP/2.0/UDP 192.0.2.9:5060;branch=z9hG4bK776asdhds
        Max-Forwards: 70
        To: <sip:1000@192.0.2.1>
        From: <sip:probe@192.0.2.9>;tag=1928301774
        Call-ID: a84b4c76e66710@192.0.2.9
        CSeq: 63104 OPTIONS


        """;

    [Fact]
    public void Sipp_invite_with_sdp_is_read_completely()
    {
        var request = SipTestData.ParseRequest(SipTestData.Read("invite-sipp.sip"));

        Assert.Equal(SipMethod.Invite, request.Method);
        Assert.Equal("sip:15523456789@127.0.0.1:5090", request.RequestUri.ToString());
        Assert.Equal(SipHostKind.IPv4, request.RequestUri.HostKind);
        var via = Assert.Single(request.Vias);
        Assert.Equal("127.0.0.1:5061", via.SentBy);
        Assert.Equal("z9hG4bK-8325-1-0", via.Branch);
        Assert.Equal("15550001111", request.From.DisplayName);
        Assert.Equal("15550001111", request.From.User);
        Assert.Equal("8325SIPpTag001", request.From.Tag);
        Assert.Null(request.To.Tag);
        Assert.Equal("1-8325@127.0.0.1", request.CallId);
        Assert.Equal(new CSeq(1, SipMethod.Invite), request.CSeq);
        Assert.Equal("UDP", Assert.Single(request.Contacts).Uri!.Transport);
        Assert.Equal(70, request.MaxForwards);
        Assert.Equal("application/sdp", request.ContentType);
        Assert.Equal(222, request.ContentLength);
        Assert.StartsWith("v=0\r\no=caller", Encoding.ASCII.GetString(request.Body.Span), StringComparison.Ordinal);
        Assert.EndsWith("a=sendrecv\r\n", Encoding.ASCII.GetString(request.Body.Span), StringComparison.Ordinal);
    }

    [Fact]
    public void Register_with_digest_credentials_keeps_the_authorization_whole()
    {
        var request = SipTestData.ParseRequest(SipTestData.Read("register-digest.sip"));

        Assert.Equal(SipMethod.Register, request.Method);
        var contact = Assert.Single(request.Contacts);
        Assert.Equal(3600, contact.Expires);
        Assert.Equal("\"<urn:uuid:3c2f1d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f>\"", contact.Parameters.GetValue("+sip.instance"));
        var authorization = Assert.Single(request.Headers.GetAll("Authorization"));
        Assert.StartsWith("Digest username=\"2001\", realm=\"callmyway\"", authorization, StringComparison.Ordinal);
        Assert.EndsWith("nc=00000001", authorization, StringComparison.Ordinal);
        Assert.Equal(11, request.Headers.GetAll("Allow").Count);
        Assert.Equal(["replaces", "outbound", "gruu"], request.Headers.GetAll("Supported"));
        Assert.True(request.Vias[0].HasRPort);
    }

    [Fact]
    public void Via_list_in_one_line_gives_every_via_in_order()
    {
        var response = SipTestData.ParseResponse(SipTestData.Read("ok-sipp-via-list.sip"));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("OK", response.ReasonPhrase);
        Assert.Equal(["z9hG4bKproxy2a", "z9hG4bKproxy1b", "z9hG4bKuac3c"], response.Vias.Select(via => via.Branch));
        Assert.Equal("198.51.100.7", response.Vias[1].Received);
        Assert.Equal(SipHostKind.IPv6, response.Vias[2].HostKind);
        Assert.Equal("[2001:db8::5]", response.Vias[2].Host);
        Assert.Equal(5070, response.Vias[2].Port);
        Assert.Equal("Bell, Alexander", response.From.DisplayName);
        Assert.Equal("8598SIPpTag011", response.To.Tag);
        Assert.Equal(129, response.Body.Length);
    }

    [Fact]
    public void Repeated_via_lines_give_every_via_in_order_and_challenges_stay_whole()
    {
        var response = SipTestData.ParseResponse(SipTestData.Read("proxy-auth-repeated-vias.sip"));

        Assert.Equal(407, response.StatusCode);
        Assert.Equal(["203.0.113.9", "10.0.0.7", "[2001:db8::7]"], response.Vias.Select(via => via.Host));
        Assert.Equal(5070, response.Vias[1].RPort);
        Assert.Equal("198.51.100.20", response.Vias[1].Received);
        var challenge = Assert.Single(response.Headers.GetAll("Proxy-Authenticate"));
        Assert.Contains("qop=\"auth,auth-int\", algorithm=MD5", challenge, StringComparison.Ordinal);
        Assert.Equal(["Sat, 13 Nov 2010 23:29:00 GMT"], response.Headers.GetAll("Date"));
        Assert.Equal("phone", response.To.Uri!.UserParameter);
    }

    [Fact]
    public void Compact_header_names_are_expanded()
    {
        var request = SipTestData.ParseRequest(SipTestData.Read("compact-forms.sip"));

        Assert.Equal(
            ["Via", "From", "To", "Call-ID", "CSeq", "Max-Forwards", "Contact", "Supported", "Allow-Events", "Session-Expires", "Subject", "Content-Encoding", "Content-Type", "Content-Length"],
            request.Headers.Select(header => header.Name));
        Assert.Equal("compact.5f3e2d1c@198.51.100.77", request.CallId);
        Assert.Equal("Carrier", request.From.DisplayName);
        Assert.Equal(["timer", "100rel"], request.Headers.GetAll("Supported"));
        Assert.Equal("1800;refresher=uac", request.Headers.GetFirst("x"));
        Assert.Equal(136, request.Body.Length);
        Assert.Equal("+525541708422", request.RequestUri.User);
    }

    [Fact]
    public void Folded_lines_become_single_spaces()
    {
        var request = SipTestData.ParseRequest(SipTestData.Read("folded-headers.sip"));

        Assert.Equal("SIP/2.0/TCP monitor.example.org:5060 ;branch=z9hG4bKf0lded", request.Headers.GetFirst("Via"));
        Assert.Equal("z9hG4bKf0lded", request.Vias[0].Branch);
        Assert.Equal("Uptime Monitor", request.From.DisplayName);
        Assert.Equal("<sip:sip.callmyway.test>", request.Headers.GetFirst("To"));
        Assert.Equal(new CSeq(4711, SipMethod.Options), request.CSeq);
        Assert.Equal(["application/sdp", "application/dtmf-relay"], request.Headers.GetAll("Accept"));
        Assert.Equal("a subject spread over three lines", request.Headers.GetFirst("Subject"));
    }

    [Fact]
    public void Content_length_beyond_the_datagram_is_an_error_that_can_be_answered()
    {
        var data = SipTestData.Wire(Options.Replace("CSeq: 63104 OPTIONS", "CSeq: 63104 OPTIONS\nContent-Length: 500", StringComparison.Ordinal) + new string('x', 120));

        var error = SipTestData.ParseError(data);

        Assert.Equal(SipParseErrorKind.ContentLengthExceedsData, error.Kind);
        Assert.Equal("Content-Length 500 exceeds the 120 bytes received", error.Reason);
        Assert.NotNull(error.PartialRequest);
    }

    [Fact]
    public void Without_content_length_a_datagram_body_runs_to_the_end()
    {
        var request = SipTestData.ParseRequest(SipTestData.Wire(Options + "hello"));

        Assert.Equal("hello", Encoding.ASCII.GetString(request.Body.Span));
    }

    [Fact]
    public void Bytes_after_content_length_are_ignored()
    {
        var request = SipTestData.ParseRequest(SipTestData.Wire(Options.Replace("CSeq: 63104 OPTIONS", "CSeq: 63104 OPTIONS\nl: 3", StringComparison.Ordinal) + "abcdef"));

        Assert.Equal("abc", Encoding.ASCII.GetString(request.Body.Span));
    }

    [Theory]
    [InlineData("CSeq: 63104 OPTIONS", "CSeq: abc OPTIONS", "CSeq", "Bad CSeq 'abc OPTIONS'")]
    [InlineData("CSeq: 63104 OPTIONS", "CSeq: 4294967296 OPTIONS", "CSeq", "Bad CSeq '4294967296 OPTIONS'")]
    [InlineData("Call-ID: a84b4c76e66710@192.0.2.9\n", "", "Call-ID", "Missing Call-ID")]
    [InlineData("Call-ID: a84b4c76e66710@192.0.2.9", "Call-ID: two words", "Call-ID", "Bad Call-ID 'two words'")]
    [InlineData("Max-Forwards: 70", "Max-Forwards: 256", "Max-Forwards", "Bad Max-Forwards '256'")]
    [InlineData("From: <sip:probe@192.0.2.9>;tag=1928301774", "From: <sip:probe@192.0.2.9", "From", "Bad From '<sip:probe@192.0.2.9'")]
    public void Bad_request_header_is_named_and_the_request_stays_answerable(string original, string replacement, string header, string reason)
    {
        var error = SipTestData.ParseError(SipTestData.Wire(Options.Replace(original, replacement, StringComparison.Ordinal)));

        Assert.Equal(header, error.HeaderName);
        Assert.Equal(reason, error.Reason);
        var partial = Assert.IsType<SipPartialRequest>(error.PartialRequest);
        var response = SipResponseFactory.CreateResponse(partial, error.StatusCode, error.Reason);
        Assert.Equal(400, response.StatusCode);
        Assert.Equal("z9hG4bK776asdhds", response.Vias[0].Branch);
    }

    [Fact]
    public void Partial_request_answer_carries_the_request_identity()
    {
        var error = SipTestData.ParseError(SipTestData.Wire(Options.Replace("Max-Forwards: 70", "Max-Forwards: many", StringComparison.Ordinal)));

        var response = SipResponseFactory.CreateResponse(error.PartialRequest!, error.StatusCode, error.Reason);
        var reparsed = SipTestData.ParseResponse(response.ToBytes());

        Assert.Equal("Bad Max-Forwards 'many'", reparsed.ReasonPhrase);
        Assert.Equal("a84b4c76e66710@192.0.2.9", reparsed.CallId);
        Assert.Equal(new CSeq(63104, SipMethod.Options), reparsed.CSeq);
        Assert.Equal("1928301774", reparsed.From.Tag);
        Assert.Equal("SIP/2.0/UDP 192.0.2.9:5060;branch=z9hG4bK776asdhds", reparsed.Headers.GetFirst("Via"));
    }

    [Fact]
    public void Malformed_ack_is_never_answered()
    {
        var ack = Options.Replace("OPTIONS sip", "ACK sip", StringComparison.Ordinal).Replace("63104 OPTIONS", "63104 ACK", StringComparison.Ordinal);
        var error = SipTestData.ParseError(SipTestData.Wire(ack.Replace("Max-Forwards: 70", "Max-Forwards: x", StringComparison.Ordinal)));

        Assert.Equal(SipParseErrorKind.MalformedHeaderValue, error.Kind);
        Assert.Null(error.PartialRequest);
    }

    [Fact]
    public void Request_without_any_via_cannot_be_answered()
    {
        var error = SipTestData.ParseError(SipTestData.Wire(Options.Replace("Via: SIP/2.0/UDP 192.0.2.9:5060;branch=z9hG4bK776asdhds\n", string.Empty, StringComparison.Ordinal)));

        Assert.Equal("Missing Via", error.Reason);
        Assert.Null(error.PartialRequest);
    }

    [Fact]
    public void Missing_max_forwards_is_tolerated()
    {
        var request = SipTestData.ParseRequest(SipTestData.Wire(Options.Replace("Max-Forwards: 70\n", string.Empty, StringComparison.Ordinal)));

        Assert.Null(request.MaxForwards);
    }

    [Fact]
    public void Bare_line_feeds_and_leading_line_breaks_are_tolerated()
    {
        var request = SipTestData.ParseRequest(Encoding.ASCII.GetBytes("\r\n\r\n" + Options.ReplaceLineEndings("\n")));

        Assert.Equal(SipMethod.Options, request.Method);
        Assert.Equal("1928301774", request.From.Tag);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\r\n\r\n")]
    public void Keep_alive_datagram_is_reported_as_empty(string text)
    {
        Assert.Equal(SipParseErrorKind.Empty, SipTestData.ParseError(Encoding.ASCII.GetBytes(text)).Kind);
    }

    [Fact]
    public void Message_larger_than_the_limit_is_refused_with_513()
    {
        var data = SipTestData.Wire(Options + new string('x', 2000));

        Assert.False(SipParser.TryParse(data, new SipParserOptions { MaxMessageSize = 1024 }, out _, out var error));
        Assert.Equal(SipParseErrorKind.MessageTooLarge, error.Kind);
        Assert.Equal(513, error.StatusCode);
    }

    [Fact]
    public void Too_many_header_lines_are_refused()
    {
        var data = SipTestData.Wire(Options.Replace("Max-Forwards: 70", string.Concat(Enumerable.Repeat("X-Filler: 1\n", 20)) + "Max-Forwards: 70", StringComparison.Ordinal));

        Assert.False(SipParser.TryParse(data, new SipParserOptions { MaxHeaderCount = 16 }, out _, out var error));
        Assert.Equal(SipParseErrorKind.TooManyHeaders, error.Kind);
        Assert.True(SipParser.TryParse(data, out _, out _));
    }

    [Fact]
    public void Header_section_without_its_empty_line_is_an_error()
    {
        var error = SipTestData.ParseError(SipTestData.Wire(Options.TrimEnd()));

        Assert.Equal(SipParseErrorKind.MissingHeaderTerminator, error.Kind);
    }

    [Theory]
    [InlineData("SIP/2.0 99 Too Small")]
    [InlineData("SIP/2.0 700 Too Big")]
    [InlineData("SIP/2.0 2000 OK")]
    [InlineData("SIP/2.0 OK")]
    public void Status_code_outside_three_digits_from_100_to_699_is_rejected(string statusLine)
    {
        var response = "SIP/2.0 200 OK\nVia: SIP/2.0/UDP h.example.com;branch=z9hG4bKx\nFrom: <sip:a@b.example.com>;tag=1\nTo: <sip:c@d.example.com>\nCall-ID: x\nCSeq: 1 INVITE\n\n";

        var error = SipTestData.ParseError(SipTestData.Wire(response.Replace("SIP/2.0 200 OK", statusLine, StringComparison.Ordinal)));

        Assert.Equal(SipParseErrorKind.MalformedStatusLine, error.Kind);
    }

    [Fact]
    public void Tel_request_uri_asks_for_416()
    {
        var error = SipTestData.ParseError(SipTestData.Wire(Options.Replace("OPTIONS sip:1000@192.0.2.1 SIP/2.0", "OPTIONS tel:+13056445535 SIP/2.0", StringComparison.Ordinal)));

        Assert.Equal(SipParseErrorKind.UnsupportedUriScheme, error.Kind);
        Assert.Equal("Unsupported URI scheme 'tel'", error.Reason);
    }

    [Fact]
    public void Parsed_message_accessors_reflect_later_header_edits()
    {
        var request = SipTestData.ParseRequest(SipTestData.Wire(Options));
        Assert.Equal("1928301774", request.From.Tag);

        request.From = request.From.WithTag("changed");
        request.Headers.Add("Via", "SIP/2.0/TCP second.example.com;branch=z9hG4bK2");

        Assert.Equal("changed", request.From.Tag);
        Assert.Equal(2, request.Vias.Count);
    }

    [Fact]
    public void Top_via_can_be_stamped_with_received_and_rport()
    {
        var response = SipTestData.ParseResponse(SipTestData.Read("ok-sipp-via-list.sip"));

        response.ReplaceTopVia(response.Vias[0].WithReceived("203.0.113.5").WithRPort(40100));

        Assert.Equal(3, response.Vias.Count);
        Assert.Equal("SIP/2.0/UDP 127.0.0.1:5093;branch=z9hG4bKproxy2a;rport=40100;received=203.0.113.5", response.Vias[0].ToString());
        Assert.Equal("z9hG4bKproxy1b", response.Vias[1].Branch);
    }
}
