using System.Text;
using CallMyWay.Voice.Telephony.Sip.Messages;

namespace CallMyWay.Voice.Telephony.Tests.Sip.Messages;

/// <summary>The RFC 4475 torture messages, byte for byte, and what the RFC expects of a parser for each.</summary>
public sealed class Rfc4475TortureTests
{
    [Theory]
    [InlineData("wsinv")]
    [InlineData("intmeth")]
    [InlineData("esc01")]
    [InlineData("escnull")]
    [InlineData("esc02")]
    [InlineData("lwsdisp")]
    [InlineData("longreq")]
    [InlineData("dblreq")]
    [InlineData("semiuri")]
    [InlineData("transports")]
    [InlineData("mpart01")]
    [InlineData("unreason")]
    [InlineData("noreason")]
    [InlineData("badbranch")]
    [InlineData("baddate")]
    [InlineData("bext01")]
    [InlineData("invut")]
    [InlineData("regaut01")]
    [InlineData("bcast")]
    [InlineData("zeromf")]
    [InlineData("cparam01")]
    [InlineData("cparam02")]
    [InlineData("regescrt")]
    [InlineData("sdp01")]
    [InlineData("inv2543")]
    [InlineData("unksm2")]
    public void Well_formed_torture_message_parses(string name)
    {
        var message = SipTestData.Parse(SipTestData.Torture(name));

        Assert.NotEmpty(message.Vias);
        Assert.NotNull(message.CSeq);
    }

    [Theory]
    [InlineData("badinv01", SipParseErrorKind.MalformedHeaderValue, "Via")]
    [InlineData("clerr", SipParseErrorKind.ContentLengthExceedsData, "Content-Length")]
    [InlineData("ncl", SipParseErrorKind.InvalidContentLength, "Content-Length")]
    [InlineData("scalar02", SipParseErrorKind.MalformedHeaderValue, "CSeq")]
    [InlineData("quotbal", SipParseErrorKind.MalformedHeaderValue, "To")]
    [InlineData("ltgtruri", SipParseErrorKind.MalformedRequestUri, null)]
    [InlineData("lwsruri", SipParseErrorKind.MalformedRequestLine, null)]
    [InlineData("lwsstart", SipParseErrorKind.MalformedRequestLine, null)]
    [InlineData("trws", SipParseErrorKind.MalformedRequestLine, null)]
    [InlineData("escruri", SipParseErrorKind.MalformedRequestUri, null)]
    [InlineData("regbadct", SipParseErrorKind.MalformedHeaderValue, "Contact")]
    [InlineData("badaspec", SipParseErrorKind.MalformedHeaderValue, "To")]
    [InlineData("baddn", SipParseErrorKind.MalformedHeaderValue, "From")]
    [InlineData("mismatch01", SipParseErrorKind.CSeqMethodMismatch, "CSeq")]
    [InlineData("mismatch02", SipParseErrorKind.CSeqMethodMismatch, "CSeq")]
    [InlineData("insuf", SipParseErrorKind.MissingHeader, "To")]
    [InlineData("multi01", SipParseErrorKind.DuplicateHeader, "To")]
    [InlineData("mcl01", SipParseErrorKind.DuplicateHeader, "Content-Length")]
    public void Malformed_torture_request_is_rejected_with_an_addressable_400(string name, SipParseErrorKind kind, string? header)
    {
        var error = SipTestData.ParseError(SipTestData.Torture(name));

        Assert.Equal(kind, error.Kind);
        Assert.Equal(header, error.HeaderName);
        Assert.Equal(400, error.StatusCode);
        var partial = Assert.IsType<SipPartialRequest>(error.PartialRequest);
        Assert.NotEmpty(partial.Vias);
    }

    [Theory]
    [InlineData("scalarlg", SipParseErrorKind.MalformedHeaderValue)]
    [InlineData("bigcode", SipParseErrorKind.MalformedStatusLine)]
    public void Malformed_torture_response_is_rejected_without_a_partial_request(string name, SipParseErrorKind kind)
    {
        var error = SipTestData.ParseError(SipTestData.Torture(name));

        Assert.Equal(kind, error.Kind);
        Assert.Null(error.PartialRequest);
    }

    [Fact]
    public void Unknown_protocol_version_asks_for_505()
    {
        var error = SipTestData.ParseError(SipTestData.Torture("badvers"));

        Assert.Equal(SipParseErrorKind.UnsupportedVersion, error.Kind);
        Assert.Equal(505, error.StatusCode);
        Assert.NotNull(error.PartialRequest);
    }

    [Theory]
    [InlineData("unkscm", "nobodyKnowsThisScheme")]
    [InlineData("novelsc", "soap.beep")]
    public void Request_uri_of_an_unknown_scheme_asks_for_416(string name, string scheme)
    {
        var error = SipTestData.ParseError(SipTestData.Torture(name));

        Assert.Equal(SipParseErrorKind.UnsupportedUriScheme, error.Kind);
        Assert.Equal(416, error.StatusCode);
        Assert.Contains(scheme, error.Reason, StringComparison.Ordinal);
        Assert.Equal(SipMethod.Options, error.PartialRequest!.Method);
    }

    [Fact]
    public void Short_tortuous_invite_reads_through_folding_spacing_and_compact_forms()
    {
        var request = SipTestData.ParseRequest(SipTestData.Torture("wsinv"));

        Assert.Equal(SipMethod.Invite, request.Method);
        Assert.Equal("vivekg", request.RequestUri.User);
        Assert.Equal("chair-dnrc.example.com", request.RequestUri.Host);
        Assert.True(request.RequestUri.Parameters.Contains("unknownparam"));
        Assert.Equal("1918181833n", request.To.Tag);
        Assert.Equal("J Rosenberg \\\"", request.From.DisplayName);
        Assert.Equal("98asjd8", request.From.Tag);
        Assert.Equal(68, request.MaxForwards);
        Assert.Equal("wsinv.ndaksdj@192.0.2.1", request.CallId);
        Assert.Equal(new CSeq(9, SipMethod.Invite), request.CSeq);
        Assert.Collection(
            request.Vias,
            via => { Assert.Equal("UDP", via.Transport); Assert.Equal("192.0.2.2", via.Host); Assert.Equal("390skdjuw", via.Branch); Assert.False(via.HasMagicCookie); },
            via => { Assert.Equal("TCP", via.Transport); Assert.Equal("spindle.example.com", via.Host); Assert.Equal("z9hG4bK9ikj8", via.Branch); },
            via => { Assert.Equal("UDP", via.Transport); Assert.Equal("192.168.255.111", via.Host); Assert.Equal("z9hG4bK30239", via.Branch); });
        Assert.Equal(string.Empty, request.Headers.GetFirst("Subject"));
        Assert.Equal("newfangled value continued newfangled value", request.Headers.GetFirst("NewFangledHeader"));
        Assert.Equal([";;,,;;,;"], request.Headers.GetAll("UnknownHeaderWithUnusualValue"));
        var route = Assert.Single(request.Routes);
        Assert.True(route.Uri!.IsLooseRouter);
        Assert.Equal("value", route.Uri.GetParameter("unknownwith"));
        var contact = Assert.Single(request.Contacts);
        Assert.Equal("Quoted string \"\"", contact.DisplayName);
        Assert.Equal("newvalue", contact.Parameters.GetValue("newparam"));
        Assert.True(contact.Parameters.Contains("secondparam"));
        Assert.Equal(0.33, contact.Q);
        Assert.Equal(150, request.Body.Length);
    }

    [Fact]
    public void Wide_range_of_valid_characters_is_kept_intact()
    {
        var request = SipTestData.ParseRequest(SipTestData.Torture("intmeth"));

        Assert.True(request.Method.IsExtension);
        Assert.Equal("!interesting-Method0123456789_*+`.%indeed'~", request.Method.Name);
        Assert.Equal("1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*", request.RequestUri.User);
        Assert.Equal("&it+has=1,weird!*pas$wo~d_too.(doesn't-it)", request.RequestUri.Password);
        Assert.Equal("z9hG4bK-.!%66*_+`'~", request.Vias[0].Branch);
        Assert.Equal("BEL:\a NUL:\0 DEL:\x7F", request.To.DisplayName);
        Assert.Equal("token1~` token2'+_ token3*%!.-", request.From.DisplayName);
        Assert.Equal("_token~1'+`*%!-.", request.From.Tag);
        Assert.Equal("\"работающий\"", request.From.Parameters.GetValue("fromParam''~+*_!.-%"));
        Assert.Equal("intmeth.word%ZK-!.*_+'@word`~)(><:\\/\"][?}{", request.CallId);
        Assert.Equal(request.Method, request.CSeq.Method);
        Assert.Equal(255, request.MaxForwards);
        Assert.Equal("\uFEFF大停電", request.Headers.GetFirst("extensionHeader-!.%*+_`'~"));
    }

    [Fact]
    public void Percent_escapes_are_decoded_where_they_are_escapes()
    {
        var request = SipTestData.ParseRequest(SipTestData.Torture("esc01"));

        Assert.Equal("sips%3Auser%40example.com", request.RequestUri.RawUser);
        Assert.Equal("sips:user@example.com", request.RequestUri.User);
        Assert.Equal("example.net", request.RequestUri.Host);
        Assert.Equal("user", request.To.Uri!.User);
        Assert.Equal("I have spaces", request.From.Uri!.User);
        var contact = Assert.Single(request.Contacts).Uri!;
        Assert.Equal("caller", contact.User);
        Assert.True(contact.IsLooseRouter);
        Assert.Equal("value%41", contact.GetParameter("name"));
        Assert.Equal("application/sdp", request.ContentType);
        Assert.Equal("esc01.239409asdfakjkn23onasd0-3234", request.CallId);
    }

    [Fact]
    public void Escaped_nulls_in_uris_are_decoded()
    {
        var request = SipTestData.ParseRequest(SipTestData.Torture("escnull"));

        Assert.Equal("null-\0-null", request.To.Uri!.User);
        Assert.Equal(["\0", "\0\0"], request.Contacts.Select(contact => contact.Uri!.User));
    }

    [Fact]
    public void Percent_outside_escapes_is_an_ordinary_character()
    {
        var request = SipTestData.ParseRequest(SipTestData.Torture("esc02"));

        Assert.Equal("RE%47IST%45R", request.Method.Name);
        Assert.NotEqual(SipMethod.Register, request.Method);
        Assert.Equal("%Z%45", request.To.DisplayName);
        Assert.Equal(["alias1", "alias3"], request.Contacts.Select(contact => contact.Uri!.User));
        Assert.Equal("<sip:alias2@host2.example.com>", request.Headers.GetFirst("C%6Fntact"));
    }

    [Fact]
    public void Display_name_may_touch_the_angle_bracket()
    {
        var request = SipTestData.ParseRequest(SipTestData.Torture("lwsdisp"));

        Assert.Equal("caller", request.From.DisplayName);
        Assert.Equal("323", request.From.Tag);
    }

    [Fact]
    public void Long_values_and_thirty_four_vias_are_read()
    {
        var request = SipTestData.ParseRequest(SipTestData.Torture("longreq"));

        Assert.Equal(34, request.Vias.Count);
        Assert.Equal("sip33.example.com", request.Vias[0].Host);
        Assert.Equal("host.example.com", request.Vias[^1].Host);
        Assert.Equal("192.0.2.5", request.Vias[^1].Received);
        Assert.Equal(6000, request.To.Uri!.Port);
        Assert.StartsWith("12982982", request.From.Tag, StringComparison.Ordinal);
        Assert.Equal("longreq.one" + string.Concat(Enumerable.Repeat("really", 20)) + "longcallid", request.CallId);
    }

    [Fact]
    public void Octets_after_the_declared_body_of_a_datagram_are_ignored()
    {
        var request = SipTestData.ParseRequest(SipTestData.Torture("dblreq"));

        Assert.Equal(SipMethod.Register, request.Method);
        Assert.True(request.Body.IsEmpty);
        Assert.Equal("dblreq.0ha0isndaksdj99sdfafnl3lk233412", request.CallId);
        Assert.Equal("sip:j.user@host.example.com", Assert.Single(request.Contacts).UriText);
    }

    [Fact]
    public void Semicolon_in_the_user_part_belongs_to_the_user()
    {
        var request = SipTestData.ParseRequest(SipTestData.Torture("semiuri"));

        Assert.Equal("user;par=u@example.net", request.RequestUri.User);
        Assert.Equal("example.com", request.RequestUri.Host);
        Assert.Empty(request.RequestUri.Parameters);
        Assert.Equal(6, request.Headers.GetAll("Accept").Count);
    }

    [Fact]
    public void Unknown_transports_in_via_are_kept()
    {
        var request = SipTestData.ParseRequest(SipTestData.Torture("transports"));

        Assert.Equal(["UDP", "SCTP", "TLS", "UNKNOWN", "TCP"], request.Vias.Select(via => via.Transport));
        Assert.Equal("transports.kijh4akdnaqjkwendsasfdj", request.CallId);
    }

    [Fact]
    public void Multipart_body_with_binary_octets_is_framed_by_content_length()
    {
        var request = SipTestData.ParseRequest(SipTestData.Torture("mpart01"));

        Assert.Equal(SipMethod.Message, request.Method);
        Assert.Equal(553, request.Body.Length);
        Assert.EndsWith("--7a9cbec02ceef655--\r\n", Encoding.Latin1.GetString(request.Body.Span), StringComparison.Ordinal);
        Assert.Contains((byte)0, request.Body.ToArray());
        Assert.True(request.Vias[0].HasRPort);
        Assert.Null(request.Vias[0].RPort);
        Assert.Equal("multipart/mixed;boundary=7a9cbec02ceef655", request.ContentType);
    }

    [Fact]
    public void Utf8_reason_phrase_is_decoded()
    {
        var response = SipTestData.ParseResponse(SipTestData.Torture("unreason"));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("= 2**3 * 5**2 но сто девяносто девять - простое", response.ReasonPhrase);
        Assert.Equal(154, response.Body.Length);
    }

    [Fact]
    public void Empty_reason_phrase_is_accepted()
    {
        var response = SipTestData.ParseResponse(SipTestData.Torture("noreason"));

        Assert.Equal(100, response.StatusCode);
        Assert.Equal(string.Empty, response.ReasonPhrase);
    }

    [Fact]
    public void Contact_parameters_outside_angle_brackets_belong_to_the_header()
    {
        var addrSpec = Assert.Single(SipTestData.ParseRequest(SipTestData.Torture("cparam01")).Contacts);
        var nameAddr = Assert.Single(SipTestData.ParseRequest(SipTestData.Torture("cparam02")).Contacts);

        Assert.True(addrSpec.Parameters.Contains("unknownparam"));
        Assert.Empty(addrSpec.Uri!.Parameters);
        Assert.True(nameAddr.Uri!.Parameters.Contains("unknownparam"));
        Assert.Empty(nameAddr.Parameters);
    }

    [Fact]
    public void Escaped_headers_in_a_bracketed_contact_uri_are_read()
    {
        var contact = Assert.Single(SipTestData.ParseRequest(SipTestData.Torture("regescrt")).Contacts);

        var header = Assert.Single(contact.Uri!.Headers);
        Assert.Equal(new KeyValuePair<string, string>("Route", "<sip:sip.example.com>"), header);
    }

    [Fact]
    public void Authorization_with_an_unknown_scheme_is_one_value()
    {
        var request = SipTestData.ParseRequest(SipTestData.Torture("regaut01"));

        Assert.Equal(["NoOneKnowsThisScheme opaque-data=here"], request.Headers.GetAll("Authorization"));
    }

    [Fact]
    public void Rfc2543_request_without_max_forwards_or_content_length_is_accepted()
    {
        var request = SipTestData.ParseRequest(SipTestData.Torture("inv2543"));

        Assert.Null(request.MaxForwards);
        Assert.Null(request.Vias[0].Branch);
        Assert.Equal(105, request.Body.Length);
        Assert.Equal("phone", request.From.Uri!.UserParameter);
        Assert.Equal("phone", request.To.Parameters.GetValue("user"));
        Assert.Null(request.To.Uri!.UserParameter);
        Assert.Equal("ss1.example.com", Assert.Single(request.RecordRoutes).Uri!.Maddr);
    }

    [Fact]
    public void Zero_max_forwards_and_bare_magic_cookie_branch_are_valid()
    {
        Assert.Equal(0, SipTestData.ParseRequest(SipTestData.Torture("zeromf")).MaxForwards);
        var via = SipTestData.ParseRequest(SipTestData.Torture("badbranch")).Vias[0];
        Assert.Equal("z9hG4bK", via.Branch);
        Assert.True(via.HasMagicCookie);
    }

    [Fact]
    public void Non_sip_uris_in_to_from_and_contact_are_carried_as_text()
    {
        var request = SipTestData.ParseRequest(SipTestData.Torture("unksm2"));

        Assert.Equal("isbn:2983792873", request.To.UriText);
        Assert.Null(request.To.Uri);
        Assert.Equal("http://www.example.com", request.From.UriText);
        Assert.Equal("name:John_Smith", Assert.Single(request.Contacts).UriText);
    }

    [Fact]
    public void Missing_required_headers_still_leave_enough_to_answer()
    {
        var error = SipTestData.ParseError(SipTestData.Torture("insuf"));
        var response = SipResponseFactory.CreateResponse(error.PartialRequest!, error.StatusCode, error.Reason);

        Assert.Equal("Missing To", error.Reason);
        Assert.Equal("z9hG4bKkdj.insuf", Assert.Single(response.Vias).Branch);
        Assert.Equal(new CSeq(193942, SipMethod.Invite), response.CSeq);
        Assert.False(response.Headers.Contains("To"));
    }

    [Fact]
    public void Extraneous_separators_in_via_still_leave_a_via_to_answer()
    {
        var error = SipTestData.ParseError(SipTestData.Torture("badinv01"));
        var response = SipResponseFactory.CreateResponse(error.PartialRequest!, error.StatusCode);

        Assert.Equal("SIP/2.0/UDP 192.0.2.15", response.Headers.GetFirst("Via"));
        Assert.Equal("badinv01.0ha0isndaksdjasdf3234nas", response.CallId);
        Assert.Equal("Bad Request", response.ReasonPhrase);
    }

    [Fact]
    public void Content_length_larger_than_the_datagram_is_reported_with_both_numbers()
    {
        var error = SipTestData.ParseError(SipTestData.Torture("clerr"));

        Assert.Equal("Content-Length 9999 exceeds the 154 bytes received", error.Reason);
    }
}
