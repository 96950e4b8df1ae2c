using CallMyWay.Voice.Telephony.Sip.Messages;

namespace CallMyWay.Voice.Telephony.Tests.Sip.Messages;

public sealed class SipHeadersTests
{
    [Theory]
    [InlineData("i", "Call-ID")]
    [InlineData("m", "Contact")]
    [InlineData("e", "Content-Encoding")]
    [InlineData("l", "Content-Length")]
    [InlineData("c", "Content-Type")]
    [InlineData("f", "From")]
    [InlineData("s", "Subject")]
    [InlineData("k", "Supported")]
    [InlineData("t", "To")]
    [InlineData("v", "Via")]
    [InlineData("o", "Event")]
    [InlineData("r", "Refer-To")]
    [InlineData("x", "Session-Expires")]
    [InlineData("u", "Allow-Events")]
    [InlineData("V", "Via")]
    [InlineData("call-id", "Call-ID")]
    [InlineData("CSEQ", "CSeq")]
    [InlineData("www-authenticate", "WWW-Authenticate")]
    [InlineData("X-Custom", "X-Custom")]
    public void Names_are_stored_canonically(string written, string canonical)
    {
        var headers = new SipHeaders();

        headers.Add(written, "value");

        Assert.Equal(canonical, headers[0].Name);
        Assert.True(headers.Contains(canonical.ToUpperInvariant()));
    }

    [Fact]
    public void List_values_split_at_commas_outside_quotes_and_brackets()
    {
        var headers = new SipHeaders();
        headers.Add("Contact", "\"Doe, John\" <sip:john@example.com;x=a,b>;q=0.5, <sip:jd@10.0.0.1>");
        headers.Add("m", "sip:third@example.com");

        Assert.Equal(
            ["\"Doe, John\" <sip:john@example.com;x=a,b>;q=0.5", "<sip:jd@10.0.0.1>", "sip:third@example.com"],
            headers.GetAll("Contact"));
        Assert.Equal("\"Doe, John\" <sip:john@example.com;x=a,b>;q=0.5", headers.GetFirst("contact"));
        Assert.Equal(2, headers.GetRawValues("Contact").Count);
    }

    [Theory]
    [InlineData("WWW-Authenticate", "Digest realm=\"a\", nonce=\"b\", qop=\"auth,auth-int\"")]
    [InlineData("Authorization", "Digest username=\"u\", response=\"r\"")]
    [InlineData("Proxy-Authenticate", "Digest realm=\"a\", nonce=\"b\"")]
    [InlineData("Proxy-Authorization", "Digest username=\"u\", uri=\"sip:x\"")]
    [InlineData("Date", "Sat, 13 Nov 2010 23:29:00 GMT")]
    [InlineData("X-Unknown", "a, b, c")]
    public void Headers_whose_values_hold_commas_are_not_split(string name, string value)
    {
        var headers = new SipHeaders();
        headers.Add(name, value);

        Assert.Equal([value], headers.GetAll(name));
        Assert.Equal(value, headers.GetFirst(name));
    }

    [Fact]
    public void Set_replaces_the_first_in_place_and_drops_the_rest()
    {
        var headers = new SipHeaders();
        headers.Add("Via", "SIP/2.0/UDP a.example.com;branch=z9hG4bK1");
        headers.Add("Supported", "timer");
        headers.Add("v", "SIP/2.0/UDP b.example.com;branch=z9hG4bK2");

        headers.Set("VIA", "SIP/2.0/UDP c.example.com;branch=z9hG4bK3");

        Assert.Equal(["Via: SIP/2.0/UDP c.example.com;branch=z9hG4bK3", "Supported: timer"], headers.Select(header => header.ToString()));
    }

    [Fact]
    public void Prepend_pushes_before_existing_values()
    {
        var headers = new SipHeaders();
        headers.Add("From", "<sip:a@example.com>");
        headers.Add("Via", "SIP/2.0/UDP second.example.com");

        headers.Prepend("Via", "SIP/2.0/UDP first.example.com");
        headers.Prepend("Record-Route", "<sip:proxy.example.com;lr>");

        Assert.Equal(["Record-Route", "From", "Via", "Via"], headers.Select(header => header.Name));
        Assert.Equal("SIP/2.0/UDP first.example.com", headers.GetFirst("Via"));
    }

    [Fact]
    public void Remove_takes_away_every_line_of_a_header()
    {
        var headers = new SipHeaders();
        headers.Add("Route", "<sip:a.example.com;lr>");
        headers.Add("To", "<sip:b@example.com>");
        headers.Add("route", "<sip:c.example.com;lr>");

        Assert.Equal(2, headers.Remove("ROUTE"));
        Assert.Equal(0, headers.Remove("Route"));
        Assert.Equal(["To"], headers.Select(header => header.Name));
    }

    [Theory]
    [InlineData("Subject", "line\r\nInjected: yes")]
    [InlineData("Subject", "bare\nline feed")]
    [InlineData("Bad Name", "value")]
    [InlineData("Bad:Name", "value")]
    public void Values_and_names_that_would_corrupt_the_message_are_refused(string name, string value)
    {
        Assert.Throws<ArgumentException>(() => new SipHeaders().Add(name, value));
    }
}
