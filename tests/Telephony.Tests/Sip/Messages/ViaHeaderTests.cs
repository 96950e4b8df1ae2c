using CallMyWay.Voice.Telephony.Sip.Messages;

namespace CallMyWay.Voice.Telephony.Tests.Sip.Messages;

public sealed class ViaHeaderTests
{
    [Fact]
    public void Every_part_of_a_via_is_read()
    {
        var via = ViaHeader.Parse("SIP/2.0/udp [2001:db8::9]:5062;branch=z9hG4bK87asdks7;received=2001:db8::1;rport=5062;maddr=224.2.0.1;ttl=16;ext");

        Assert.Equal("SIP", via.ProtocolName);
        Assert.Equal("2.0", via.ProtocolVersion);
        Assert.Equal("UDP", via.Transport);
        Assert.Equal("[2001:db8::9]", via.Host);
        Assert.Equal(SipHostKind.IPv6, via.HostKind);
        Assert.Equal(5062, via.Port);
        Assert.Equal("[2001:db8::9]:5062", via.SentBy);
        Assert.Equal("z9hG4bK87asdks7", via.Branch);
        Assert.True(via.HasMagicCookie);
        Assert.Equal("2001:db8::1", via.Received);
        Assert.True(via.HasRPort);
        Assert.Equal(5062, via.RPort);
        Assert.Equal("224.2.0.1", via.Maddr);
        Assert.Equal(16, via.Ttl);
        Assert.True(via.Parameters.Contains("ext"));
    }

    [Fact]
    public void Rport_may_be_a_bare_flag()
    {
        var via = ViaHeader.Parse("SIP/2.0/TCP client.example.com;rport;branch=z9hG4bKx");

        Assert.True(via.HasRPort);
        Assert.Null(via.RPort);
        Assert.Null(via.Port);
        Assert.Equal("client.example.com", via.SentBy);
    }

    [Fact]
    public void Whitespace_around_separators_is_allowed()
    {
        var via = ViaHeader.Parse("SIP / 2.0 / TLS   host.example.com : 5061 ; branch = z9hG4bKa");

        Assert.Equal("TLS", via.Transport);
        Assert.Equal(5061, via.Port);
        Assert.Equal("SIP/2.0/TLS host.example.com:5061;branch=z9hG4bKa", via.ToString());
    }

    [Theory]
    [InlineData("SIP/2.0/UDP")]
    [InlineData("SIP/2.0 host.example.com")]
    [InlineData("SIP/2.0/UDPhost.example.com")]
    [InlineData("SIP/2.0/UDP host.example.com;;branch=z9hG4bKa")]
    [InlineData("SIP/2.0/UDP host.example.com;branch")]
    [InlineData("SIP/2.0/UDP host.example.com;branch=")]
    [InlineData("SIP/2.0/UDP host.example.com;ttl=256")]
    [InlineData("SIP/2.0/UDP host.example.com;rport=70000")]
    [InlineData("SIP/2.0/UDP host.example.com;received=not-an-address")]
    [InlineData("SIP/2.0/UDP host.example.com:port")]
    [InlineData("SIP/2.0/UDP [::1;branch=z9hG4bKa")]
    [InlineData("SIP/2.0/UDP host.example.com junk")]
    public void Malformed_via_is_rejected(string text)
    {
        Assert.False(ViaHeader.TryParse(text, out _));
    }

    [Fact]
    public void Built_via_reads_back_the_same()
    {
        var via = new ViaHeader("udp", "::1", 5060, SipIdentifiers.NewBranch()).WithParameter("rport", null);

        var reparsed = ViaHeader.Parse(via.ToString());

        Assert.StartsWith("SIP/2.0/UDP [::1]:5060;branch=z9hG4bK", via.ToString(), StringComparison.Ordinal);
        Assert.Equal(via.Branch, reparsed.Branch);
        Assert.True(reparsed.HasRPort);
    }

    [Fact]
    public void Received_and_rport_are_stamped_in_place()
    {
        var via = ViaHeader.Parse("SIP/2.0/UDP 10.0.0.1:5060;rport;branch=z9hG4bKnashds8");

        var stamped = via.WithReceived("192.0.2.1").WithRPort(9988);

        Assert.Equal("SIP/2.0/UDP 10.0.0.1:5060;rport=9988;branch=z9hG4bKnashds8;received=192.0.2.1", stamped.ToString());
    }
}
