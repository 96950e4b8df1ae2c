using CallMyWay.Voice.Telephony.Sip.Messages;

namespace CallMyWay.Voice.Telephony.Tests.Sip.Messages;

public sealed class SipResponseFactoryTests
{
    private const string Invite = """
        INVITE sip:+13056445535@sip.callmyway.test SIP/2.0
        Via: SIP/2.0/UDP proxy2.example.net:5060;branch=z9hG4bK2d4790.1;received=192.0.2.3
        Via: SIP/2.0/UDP proxy1.example.com;branch=z9hG4bK77ef4c2312983.1, SIP/2.0/UDP pc33.example.com;branch=z9hG4bK776asdhds
        Max-Forwards: 68
        To: Bob <sip:+13056445535@sip.callmyway.test>
        From: "Alice" <sip:alice@example.com>;tag=1928301774
        Call-ID: a84b4c76e66710@pc33.example.com
        CSeq: 314159 INVITE
        Timestamp: 54
        Contact: <sip:alice@pc33.example.com>
        Record-Route: <sip:proxy2.example.net;lr>
        Content-Length: 0


        """;

    private static SipRequest Request(string text = Invite) => SipTestData.ParseRequest(SipTestData.Wire(text));

    [Fact]
    public void Response_copies_vias_in_order_and_the_dialog_identifiers()
    {
        var response = SipResponseFactory.CreateResponse(Request(), 486, toTag: "a6c85cf");

        Assert.Equal(486, response.StatusCode);
        Assert.Equal("Busy Here", response.ReasonPhrase);
        Assert.Equal(["z9hG4bK2d4790.1", "z9hG4bK77ef4c2312983.1", "z9hG4bK776asdhds"], response.Vias.Select(via => via.Branch));
        Assert.Equal("\"Alice\" <sip:alice@example.com>;tag=1928301774", response.Headers.GetFirst("From"));
        Assert.Equal("Bob <sip:+13056445535@sip.callmyway.test>;tag=a6c85cf", response.Headers.GetFirst("To"));
        Assert.Equal("a6c85cf", response.To.Tag);
        Assert.Equal("a84b4c76e66710@pc33.example.com", response.CallId);
        Assert.Equal(new CSeq(314159, SipMethod.Invite), response.CSeq);
        Assert.False(response.Headers.Contains("Contact"));
        Assert.False(response.Headers.Contains("Record-Route"));
        Assert.False(response.Headers.Contains("Timestamp"));
    }

    [Fact]
    public void Trying_gets_no_to_tag_but_echoes_the_timestamp()
    {
        var response = SipResponseFactory.CreateResponse(Request(), 100, toTag: "a6c85cf");

        Assert.Equal("Trying", response.ReasonPhrase);
        Assert.Null(response.To.Tag);
        Assert.Equal("54", response.Headers.GetFirst("Timestamp"));
    }

    [Fact]
    public void Existing_to_tag_is_kept()
    {
        var inDialog = Invite.Replace("To: Bob <sip:+13056445535@sip.callmyway.test>", "To: Bob <sip:+13056445535@sip.callmyway.test>;tag=existing", StringComparison.Ordinal);

        var response = SipResponseFactory.CreateResponse(Request(inDialog), 200, toTag: "other");

        Assert.Equal("existing", response.To.Tag);
    }

    [Fact]
    public void Response_without_to_tag_argument_leaves_to_unchanged()
    {
        var response = SipResponseFactory.CreateResponse(Request(), 200, "Fine");

        Assert.Equal("Fine", response.ReasonPhrase);
        Assert.Null(response.To.Tag);
    }

    [Theory]
    [InlineData(180, "Ringing")]
    [InlineData(183, "Session Progress")]
    [InlineData(200, "OK")]
    [InlineData(202, "Accepted")]
    [InlineData(400, "Bad Request")]
    [InlineData(401, "Unauthorized")]
    [InlineData(403, "Forbidden")]
    [InlineData(404, "Not Found")]
    [InlineData(405, "Method Not Allowed")]
    [InlineData(407, "Proxy Authentication Required")]
    [InlineData(408, "Request Timeout")]
    [InlineData(415, "Unsupported Media Type")]
    [InlineData(416, "Unsupported URI Scheme")]
    [InlineData(420, "Bad Extension")]
    [InlineData(422, "Session Interval Too Small")]
    [InlineData(480, "Temporarily Unavailable")]
    [InlineData(481, "Call/Transaction Does Not Exist")]
    [InlineData(482, "Loop Detected")]
    [InlineData(483, "Too Many Hops")]
    [InlineData(487, "Request Terminated")]
    [InlineData(488, "Not Acceptable Here")]
    [InlineData(491, "Request Pending")]
    [InlineData(500, "Server Internal Error")]
    [InlineData(501, "Not Implemented")]
    [InlineData(503, "Service Unavailable")]
    [InlineData(505, "Version Not Supported")]
    [InlineData(513, "Message Too Large")]
    [InlineData(603, "Decline")]
    [InlineData(299, "OK")]
    public void Default_reason_phrases_follow_the_rfcs(int status, string reason)
    {
        Assert.Equal(reason, SipResponseFactory.GetDefaultReasonPhrase(status));
        Assert.Equal(reason, SipResponseFactory.CreateResponse(Request(), status, toTag: "x").ReasonPhrase);
    }

    [Theory]
    [InlineData(99)]
    [InlineData(700)]
    public void Status_outside_100_to_699_is_refused(int status)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SipResponseFactory.CreateResponse(Request(), status));
    }

    [Fact]
    public void Response_round_trips_through_the_wire_format()
    {
        var response = SipResponseFactory.CreateResponse(Request(), 404, toTag: "zz1");

        var reparsed = SipTestData.ParseResponse(response.ToBytes());

        Assert.Equal(3, reparsed.Vias.Count);
        Assert.Equal("zz1", reparsed.To.Tag);
        Assert.Equal(0, reparsed.ContentLength);
    }
}
