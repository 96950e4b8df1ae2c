using System.Net;
using CallMyWay.Voice.Telephony.Sip.Messages;
using CallMyWay.Voice.Telephony.Sip.Transport;

namespace CallMyWay.Voice.Telephony.Tests.Sip.Transport;

public sealed class SipResponseRoutingTests
{
    private static readonly IPEndPoint Source = new(IPAddress.Parse("203.0.113.7"), 40123);

    private static SipEndPoint Udp(IPEndPoint address) => new(SipTransportKind.Udp, address);

    private static SipEndPoint Tcp(IPEndPoint address, long? connectionId = null) => new(SipTransportKind.Tcp, address, connectionId);

    private static IPEndPoint At(string address, int port) => new(IPAddress.Parse(address), port);

    [Fact]
    public void Response_to_a_tcp_request_reuses_its_connection()
    {
        var via = ViaHeader.Parse("SIP/2.0/TCP 192.0.2.4:5070;branch=z9hG4bK1;received=203.0.113.7;maddr=192.0.2.99");

        var destination = SipResponseRouting.ResponseDestination(via, Tcp(Source, 42));

        Assert.Equal(Tcp(Source, 42), destination);
    }

    [Fact]
    public void Maddr_wins_at_the_sent_by_port()
    {
        var via = ViaHeader.Parse("SIP/2.0/UDP 192.0.2.4:5070;branch=z9hG4bK1;maddr=239.255.255.1;ttl=1;received=203.0.113.7;rport=40123");

        Assert.Equal(Udp(At("239.255.255.1", 5070)), SipResponseRouting.ResponseDestination(via, Udp(Source)));
    }

    [Fact]
    public void Maddr_without_a_sent_by_port_uses_5060()
    {
        var via = ViaHeader.Parse("SIP/2.0/UDP 192.0.2.4;branch=z9hG4bK1;maddr=192.0.2.99");

        Assert.Equal(Udp(At("192.0.2.99", 5060)), SipResponseRouting.ResponseDestination(via, Udp(Source)));
    }

    [Fact]
    public void Maddr_naming_a_host_is_not_resolved_and_the_next_rule_applies()
    {
        var via = ViaHeader.Parse("SIP/2.0/UDP 192.0.2.4:5070;branch=z9hG4bK1;maddr=proxy.example.com;received=203.0.113.7");

        Assert.Equal(Udp(At("203.0.113.7", 5070)), SipResponseRouting.ResponseDestination(via, Udp(Source)));
    }

    [Fact]
    public void Udp_with_rport_goes_to_received_at_the_rport_port()
    {
        // RFC 3581 §4: what the server stamped on arrival, which is where the request came from.
        var via = ViaHeader.Parse("SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bK1;received=203.0.113.7;rport=40123");

        Assert.Equal(Udp(Source), SipResponseRouting.ResponseDestination(via, Udp(At("198.51.100.1", 1))));
    }

    [Fact]
    public void Udp_with_an_unfilled_rport_goes_to_the_request_source()
    {
        var via = ViaHeader.Parse("SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bK1;rport");

        Assert.Equal(Udp(Source), SipResponseRouting.ResponseDestination(via, Udp(Source)));
    }

    [Fact]
    public void Received_without_rport_uses_the_sent_by_port()
    {
        // RFC 3261 §18.2.2: the received address, the port from sent-by.
        var via = ViaHeader.Parse("SIP/2.0/UDP 10.0.0.5:5072;branch=z9hG4bK1;received=203.0.113.7");

        Assert.Equal(Udp(At("203.0.113.7", 5072)), SipResponseRouting.ResponseDestination(via, Udp(Source)));
    }

    [Fact]
    public void Received_without_any_port_uses_5060()
    {
        var via = ViaHeader.Parse("SIP/2.0/UDP pc33.example.com;branch=z9hG4bK1;received=203.0.113.7");

        Assert.Equal(Udp(At("203.0.113.7", 5060)), SipResponseRouting.ResponseDestination(via, Udp(Source)));
    }

    [Fact]
    public void Tcp_without_a_connection_ignores_rport_and_uses_received_at_the_sent_by_port()
    {
        // A TCP source port is ephemeral: RFC 3581 §4 redirects only unreliable transports.
        var via = ViaHeader.Parse("SIP/2.0/TCP 10.0.0.5:5080;branch=z9hG4bK1;received=203.0.113.7;rport=40123");

        Assert.Equal(Tcp(At("203.0.113.7", 5080)), SipResponseRouting.ResponseDestination(via, Tcp(Source)));
    }

    [Fact]
    public void Sent_by_address_and_port_are_used_when_nothing_else_applies()
    {
        var via = ViaHeader.Parse("SIP/2.0/UDP 203.0.113.7:5090;branch=z9hG4bK1");

        Assert.Equal(Udp(At("203.0.113.7", 5090)), SipResponseRouting.ResponseDestination(via, Udp(Source)));
    }

    [Fact]
    public void Sent_by_without_a_port_uses_5060()
    {
        var via = ViaHeader.Parse("SIP/2.0/UDP 203.0.113.7;branch=z9hG4bK1");

        Assert.Equal(Udp(At("203.0.113.7", 5060)), SipResponseRouting.ResponseDestination(via, Udp(Source)));
    }

    [Fact]
    public void Sent_by_host_name_is_not_resolved_and_the_source_address_stands_in()
    {
        var via = ViaHeader.Parse("SIP/2.0/UDP pc33.example.com:5090;branch=z9hG4bK1");

        Assert.Equal(Udp(At("203.0.113.7", 5090)), SipResponseRouting.ResponseDestination(via, Udp(Source)));
    }

    [Fact]
    public void Ipv6_sent_by_is_used_without_brackets()
    {
        var via = ViaHeader.Parse("SIP/2.0/UDP [2001:db8::9]:5090;branch=z9hG4bK1");

        Assert.Equal(Udp(At("2001:db8::9", 5090)), SipResponseRouting.ResponseDestination(via, Udp(At("2001:db8::9", 5090))));
    }

    [Fact]
    public void Destination_of_a_request_comes_from_its_top_via()
    {
        var request = SipText.Request(SipText.Options(
            "SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bKtop;received=203.0.113.7;rport=40123, SIP/2.0/UDP 192.0.2.1;branch=z9hG4bKlower"));

        Assert.Equal(Udp(Source), SipResponseRouting.ResponseDestination(request, Udp(At("198.51.100.1", 1))));
    }

    [Fact]
    public void Arrival_from_another_address_adds_received()
    {
        // RFC 3261 §18.2.1.
        var via = ViaHeader.Parse("SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bK1");

        var stamped = SipResponseRouting.StampArrival(via, Source);

        Assert.Equal("SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bK1;received=203.0.113.7", stamped.ToString());
    }

    [Fact]
    public void Arrival_with_a_host_name_adds_received()
    {
        var via = ViaHeader.Parse("SIP/2.0/UDP pc33.example.com;branch=z9hG4bK1");

        Assert.Equal("203.0.113.7", SipResponseRouting.StampArrival(via, Source).Received);
    }

    [Fact]
    public void Arrival_from_the_sent_by_address_changes_nothing()
    {
        var via = ViaHeader.Parse("SIP/2.0/UDP 203.0.113.7:5070;branch=z9hG4bK1");

        Assert.Same(via, SipResponseRouting.StampArrival(via, Source));
    }

    [Fact]
    public void Empty_rport_is_filled_and_received_added_even_when_sent_by_matches()
    {
        // RFC 3581 §4.
        var via = ViaHeader.Parse("SIP/2.0/UDP 203.0.113.7:5070;branch=z9hG4bK1;rport");

        var stamped = SipResponseRouting.StampArrival(via, Source);

        Assert.Equal("SIP/2.0/UDP 203.0.113.7:5070;branch=z9hG4bK1;rport=40123;received=203.0.113.7", stamped.ToString());
    }

    [Fact]
    public void Rport_that_already_has_a_value_is_left_alone()
    {
        var via = ViaHeader.Parse("SIP/2.0/UDP 203.0.113.7:5070;branch=z9hG4bK1;rport=5070");

        Assert.Same(via, SipResponseRouting.StampArrival(via, Source));
    }

    [Fact]
    public void Ipv4_mapped_source_counts_as_the_ipv4_address()
    {
        var via = ViaHeader.Parse("SIP/2.0/UDP 203.0.113.7:5070;branch=z9hG4bK1;rport");

        var stamped = SipResponseRouting.StampArrival(via, new IPEndPoint(IPAddress.Parse("::ffff:203.0.113.7"), 40123));

        Assert.Equal("203.0.113.7", stamped.Received);
        Assert.Equal(40123, stamped.RPort);
    }

    [Fact]
    public void Ipv6_source_matching_a_bracketed_sent_by_changes_nothing()
    {
        var via = ViaHeader.Parse("SIP/2.0/UDP [2001:db8::9]:5070;branch=z9hG4bK1");

        Assert.Same(via, SipResponseRouting.StampArrival(via, At("2001:db8::9", 5070)));
    }

    [Fact]
    public void Ipv6_received_is_written_without_brackets()
    {
        var via = ViaHeader.Parse("SIP/2.0/UDP [2001:db8::9]:5070;branch=z9hG4bK1");

        Assert.Equal("2001:db8::10", SipResponseRouting.StampArrival(via, At("2001:db8::10", 5070)).Received);
    }
}
