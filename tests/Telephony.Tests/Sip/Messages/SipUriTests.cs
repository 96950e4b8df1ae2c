using CallMyWay.Voice.Telephony.Sip.Messages;

namespace CallMyWay.Voice.Telephony.Tests.Sip.Messages;

public sealed class SipUriTests
{
    [Fact]
    public void Every_part_of_a_sip_uri_is_read()
    {
        var uri = SipUri.Parse("sips:alice:secret%21@atlanta.example.com:5061;transport=tcp;lr;user=phone;maddr=239.255.255.1;ttl=15;method=INVITE?subject=project%20x&priority=urgent");

        Assert.True(uri.IsSecure);
        Assert.Equal("sips", uri.Scheme);
        Assert.Equal("alice", uri.User);
        Assert.Equal("secret%21", uri.RawPassword);
        Assert.Equal("secret!", uri.Password);
        Assert.Equal("atlanta.example.com", uri.Host);
        Assert.Equal(SipHostKind.DomainName, uri.HostKind);
        Assert.Equal(5061, uri.Port);
        Assert.Equal("tcp", uri.Transport);
        Assert.True(uri.IsLooseRouter);
        Assert.Equal("phone", uri.UserParameter);
        Assert.Equal("239.255.255.1", uri.Maddr);
        Assert.Equal(15, uri.Ttl);
        Assert.Equal("INVITE", uri.MethodParameter);
        Assert.Equal("subject=project%20x&priority=urgent", uri.RawHeaders);
        Assert.Equal(
            [new KeyValuePair<string, string>("subject", "project x"), new KeyValuePair<string, string>("priority", "urgent")],
            uri.Headers);
    }

    [Theory]
    [InlineData("sip:alice@atlanta.example.com")]
    [InlineData("sip:+1-212-555-1212:1234@gateway.example.com;user=phone")]
    [InlineData("sip:atlanta.example.com;method=REGISTER?to=alice%40atlanta.example.com")]
    [InlineData("sip:[2001:db8::10]:5070;transport=udp")]
    [InlineData("sips:bob@192.0.2.4")]
    [InlineData("sip:%61lice@example.com;%6C%72")]
    [InlineData("sip:host.example.com.")]
    public void Parse_and_write_round_trip(string text)
    {
        var uri = SipUri.Parse(text);

        Assert.Equal(text, uri.ToString());
        Assert.Equal(uri, SipUri.Parse(uri.ToString()));
    }

    [Fact]
    public void Ipv6_reference_keeps_its_brackets()
    {
        var uri = SipUri.Parse("sip:[::1]:5060");

        Assert.Equal("[::1]", uri.Host);
        Assert.Equal(SipHostKind.IPv6, uri.HostKind);
        Assert.Equal(5060, uri.Port);
    }

    [Theory]
    [InlineData("sip:")]
    [InlineData("sip:@example.com")]
    [InlineData("sip:alice@")]
    [InlineData("sip:alice@example.com:99999")]
    [InlineData("sip:alice@example.com:")]
    [InlineData("sip:alice@exa mple.com")]
    [InlineData("sip:alice@[::1")]
    [InlineData("sip:alice@[not-an-address]")]
    [InlineData("sip:alice@192.0.2.300")]
    [InlineData("sip:al ice@example.com")]
    [InlineData("sip:alice@example.com;=x")]
    [InlineData("sip:alice@example.com;p=")]
    [InlineData("sip:alice@example.com?noequals")]
    [InlineData("sip:a%4@example.com")]
    [InlineData("sip:a@b@example.com")]
    [InlineData("tel:+13056445535")]
    [InlineData("http://example.com")]
    [InlineData("<sip:alice@example.com>")]
    public void Malformed_or_non_sip_uri_is_rejected(string text)
    {
        Assert.False(SipUri.TryParse(text, out _));
    }

    // RFC 3261 §19.1.4, the examples given there.
    [Theory]
    [InlineData("sip:%61lice@atlanta.com;transport=TCP", "sip:alice@AtLanTa.CoM;Transport=tcp")]
    [InlineData("sip:carol@chicago.com", "sip:carol@chicago.com;newparam=5")]
    [InlineData("sip:carol@chicago.com", "sip:carol@chicago.com;security=on")]
    [InlineData("sip:carol@chicago.com;newparam=5", "sip:carol@chicago.com;security=on")]
    [InlineData("sip:biloxi.com;transport=tcp;method=REGISTER?to=sip:bob%40biloxi.com", "sip:biloxi.com;method=REGISTER;transport=tcp?to=sip:bob%40biloxi.com")]
    [InlineData("sip:alice@atlanta.com?subject=project%20x&priority=urgent", "sip:alice@atlanta.com?priority=urgent&subject=project%20x")]
    public void Equivalent_uris_are_equal(string left, string right)
    {
        var a = SipUri.Parse(left);
        var b = SipUri.Parse(right);

        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Theory]
    [InlineData("SIP:ALICE@AtLanTa.CoM;Transport=udp", "sip:alice@AtLanTa.CoM;Transport=UDP")]
    [InlineData("sip:bob@biloxi.com", "sip:bob@biloxi.com:5060")]
    [InlineData("sip:bob@biloxi.com", "sip:bob@biloxi.com;transport=udp")]
    [InlineData("sip:bob@biloxi.com", "sip:bob@biloxi.com:6000;transport=tcp")]
    [InlineData("sip:carol@chicago.com", "sip:carol@chicago.com?Subject=next%20meeting")]
    [InlineData("sip:bob@phone21.boxesbybob.com", "sip:bob@192.0.2.4")]
    [InlineData("sip:alice@atlanta.com", "sips:alice@atlanta.com")]
    [InlineData("sip:alice@atlanta.com;user=phone", "sip:alice@atlanta.com")]
    [InlineData("sip:alice@atlanta.com;maddr=1.2.3.4", "sip:alice@atlanta.com")]
    [InlineData("sip:alice@atlanta.com;x=1", "sip:alice@atlanta.com;x=2")]
    public void Different_uris_are_not_equal(string left, string right)
    {
        Assert.NotEqual(SipUri.Parse(left), SipUri.Parse(right));
        Assert.True(SipUri.Parse(left) != SipUri.Parse(right));
    }

    [Fact]
    public void Built_uri_escapes_its_user_and_brackets_an_ipv6_host()
    {
        var uri = new SipUri("2001:db8::1", 5080, "john doe").WithParameter("transport", "tcp").WithParameter("lr");

        Assert.Equal("sip:john%20doe@[2001:db8::1]:5080;transport=tcp;lr", uri.ToString());
        Assert.Equal("john doe", uri.User);
    }

    [Fact]
    public void With_methods_return_modified_copies()
    {
        var original = SipUri.Parse("sip:alice@example.com:5060;transport=udp?subject=x");

        var changed = original.WithPort(null).WithoutParameter("transport").WithoutHeaders().WithUser("bob").WithHost("example.org");

        Assert.Equal("sip:bob@example.org", changed.ToString());
        Assert.Equal("sip:alice@example.com:5060;transport=udp?subject=x", original.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("bad host")]
    [InlineData("-leading.example.com")]
    public void Invalid_host_is_refused_when_building(string host)
    {
        Assert.ThrowsAny<ArgumentException>(() => new SipUri(host));
    }

    [Fact]
    public void Tel_uri_gives_the_number_with_and_without_separators()
    {
        Assert.True(TelUri.TryParse("tel:+1-305-644-5535;ext=12", out var global));
        Assert.True(global.IsGlobal);
        Assert.Equal("+13056445535", global.Digits);
        Assert.Equal("12", global.Parameters.GetValue("ext"));
        Assert.Equal("tel:+1-305-644-5535;ext=12", global.ToString());

        Assert.True(TelUri.TryParse("tel:7042;phone-context=example.com", out var local));
        Assert.False(local.IsGlobal);
        Assert.Equal("example.com", local.PhoneContext);

        Assert.False(TelUri.TryParse("tel:7042", out _));
        Assert.False(TelUri.TryParse("tel:+1 305", out _));
        Assert.False(TelUri.TryParse("tel:", out _));
        Assert.Equal(global, TelUri.TryParse("tel:+1.305.644.5535;ext=12", out var dotted) ? dotted : null);
    }
}
