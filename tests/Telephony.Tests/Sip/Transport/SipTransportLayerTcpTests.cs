using System.Net;
using System.Net.Sockets;
using CallMyWay.Voice.Telephony.Sip.Messages;
using CallMyWay.Voice.Telephony.Sip.Transport;

namespace CallMyWay.Voice.Telephony.Tests.Sip.Transport;

public sealed class SipTransportLayerTcpTests
{
    private static string Via(StreamPeer peer, string branch) => $"SIP/2.0/TCP 127.0.0.1:{peer.LocalEndPoint.Port};branch={branch}";

    [Fact]
    public async Task Two_pipelined_messages_in_one_write_are_both_delivered_in_order()
    {
        await using var harness = await TransportHarness.StartAsync();
        await using var peer = await StreamPeer.ConnectAsync(harness.TcpEndPoint);

        await peer.SendAsync(
            SipText.Options(Via(peer, "z9hG4bKp1"), callId: "first", body: "one")
            + SipText.Options(Via(peer, "z9hG4bKp2"), callId: "second", body: "two"));
        var first = await harness.ReceiveAsync();
        var second = await harness.ReceiveAsync();

        Assert.Equal("first", first.Message.CallId);
        Assert.Equal("one"u8.ToArray(), first.Message.Body.ToArray());
        Assert.Equal("second", second.Message.CallId);
        Assert.Equal("two"u8.ToArray(), second.Message.Body.ToArray());
        Assert.Equal(SipTransportKind.Tcp, first.Source.Transport);
        Assert.Equal(peer.LocalEndPoint, first.Source.Address);
        Assert.NotNull(first.Source.ConnectionId);
        Assert.Equal(first.Source, second.Source);
        Assert.Equal(first.Source.ConnectionId, first.Local.ConnectionId);
        Assert.Equal(harness.TcpEndPoint, first.Local.Address);
        Assert.Equal(1, harness.Counters.ConnectionsOpen);
    }

    [Fact]
    public async Task Message_split_over_several_writes_is_delivered_whole()
    {
        await using var harness = await TransportHarness.StartAsync();
        await using var peer = await StreamPeer.ConnectAsync(harness.TcpEndPoint);
        var body = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\n";
        var wire = SipText.Bytes(SipText.Options(Via(peer, "z9hG4bKsplit"), callId: "split", body: body));

        for (var offset = 0; offset < wire.Length; offset += 37)
        {
            await peer.SendAsync(wire[offset..Math.Min(offset + 37, wire.Length)]);
        }

        var incoming = await harness.ReceiveAsync();

        Assert.Equal("split", incoming.Message.CallId);
        Assert.Equal(SipText.Bytes(body), incoming.Message.Body.ToArray());
        Assert.False(harness.HasPending);
    }

    [Fact]
    public async Task Response_to_a_tcp_request_goes_back_over_the_same_connection()
    {
        await using var harness = await TransportHarness.StartAsync();
        await using var peer = await StreamPeer.ConnectAsync(harness.TcpEndPoint);

        // The Via names a port nobody listens on: only the connection itself can carry the response.
        await peer.SendAsync(SipText.Options("SIP/2.0/TCP 127.0.0.1:9;branch=z9hG4bKtcp1;rport"));
        var incoming = await harness.ReceiveAsync();
        var request = (SipRequest)incoming.Message;
        var destination = SipResponseRouting.ResponseDestination(request, incoming.Source);
        await harness.Transport.SendAsync(SipResponseFactory.CreateResponse(request, 200, toTag: "tcp1"), destination, CancellationToken.None);
        var answer = Assert.IsType<SipResponse>(await peer.ReceiveAsync());

        Assert.Equal(incoming.Source, destination);
        Assert.Equal(200, answer.StatusCode);
        Assert.Equal("transport-test-1", answer.CallId);
        Assert.Equal(peer.LocalEndPoint.Port, answer.Vias[0].RPort);
    }

    [Fact]
    public async Task Sending_to_an_address_without_a_connection_opens_one_and_then_reuses_it()
    {
        await using var harness = await TransportHarness.StartAsync();
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var target = new SipEndPoint(SipTransportKind.Tcp, (IPEndPoint)listener.LocalEndpoint);
        var via = $"SIP/2.0/TCP 127.0.0.1:{harness.TcpEndPoint.Port};branch=";

        await harness.Transport.SendAsync(SipText.Request(SipText.Options(via + "z9hG4bKo1", callId: "out-1")), target, CancellationToken.None);
        await using var peer = new StreamPeer(await listener.AcceptSocketAsync().WaitAsync(TransportHarness.Timeout));
        var first = await peer.ReceiveAsync();
        await harness.Transport.SendAsync(SipText.Request(SipText.Options(via + "z9hG4bKo2", callId: "out-2")), target, CancellationToken.None);
        var second = await peer.ReceiveAsync();

        Assert.Equal("out-1", first.CallId);
        Assert.Equal("out-2", second.CallId);
        Assert.False(listener.Pending());
        Assert.Equal(1, harness.Counters.ConnectionsOpen);
        Assert.Equal(2, harness.Counters.MessagesSent);

        // The peer's responses come back on the connection the transport opened.
        await peer.SendAsync(SipText.Response(via + "z9hG4bKo2", callId: "out-2"));
        var reply = await harness.ReceiveAsync();
        Assert.IsType<SipResponse>(reply.Message);
        Assert.Equal(target.Address, reply.Source.Address);
        Assert.NotNull(reply.Source.ConnectionId);
    }

    [Fact]
    public async Task Sending_to_the_address_of_an_inbound_connection_reuses_it()
    {
        await using var harness = await TransportHarness.StartAsync();
        await using var peer = await StreamPeer.ConnectAsync(harness.TcpEndPoint);
        await peer.SendAsync(SipText.Options(Via(peer, "z9hG4bKin1")));
        await harness.ReceiveAsync();

        var request = SipText.Request(SipText.Options($"SIP/2.0/TCP 127.0.0.1:{harness.TcpEndPoint.Port};branch=z9hG4bKback", callId: "back"));
        await harness.Transport.SendAsync(request, new SipEndPoint(SipTransportKind.Tcp, peer.LocalEndPoint), CancellationToken.None);

        Assert.Equal("back", (await peer.ReceiveAsync()).CallId);
        Assert.Equal(1, harness.Counters.ConnectionsOpen);
    }

    [Fact]
    public async Task Response_whose_connection_has_closed_goes_to_a_new_connection_addressed_by_its_via()
    {
        await using var harness = await TransportHarness.StartAsync();
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var request = SipText.Request(SipText.Options($"SIP/2.0/TCP 192.0.2.44:{port};branch=z9hG4bKgone;received=127.0.0.1;rport=1"));
        var vanished = new SipEndPoint(SipTransportKind.Tcp, new IPEndPoint(IPAddress.Loopback, 1), ConnectionId: 4242);

        // RFC 3261 §18.2.2: received address, sent-by port.
        await harness.Transport.SendAsync(SipResponseFactory.CreateResponse(request, 486), SipResponseRouting.ResponseDestination(request, vanished), CancellationToken.None);
        await using var peer = new StreamPeer(await listener.AcceptSocketAsync().WaitAsync(TransportHarness.Timeout));

        Assert.Equal(486, Assert.IsType<SipResponse>(await peer.ReceiveAsync()).StatusCode);
    }

    [Fact]
    public async Task Sending_to_a_port_nobody_listens_on_fails_with_a_transport_exception()
    {
        await using var harness = await TransportHarness.StartAsync();
        using var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var endPoint = (IPEndPoint)closed.LocalEndpoint;
        closed.Stop();
        var request = SipText.Request(SipText.Options("SIP/2.0/TCP 127.0.0.1:5060;branch=z9hG4bKrefused"));

        var exception = await Assert.ThrowsAsync<SipTransportException>(async () =>
            await harness.Transport.SendAsync(request, new SipEndPoint(SipTransportKind.Tcp, endPoint), CancellationToken.None));

        Assert.Contains("ConnectionRefused", exception.Message, StringComparison.Ordinal);
        Assert.Equal(0, harness.Counters.ConnectionsOpen);
    }

    [Fact]
    public async Task Idle_connection_is_closed_by_the_sweep_after_the_idle_timeout()
    {
        await using var harness = await TransportHarness.StartAsync();
        await using var peer = await StreamPeer.ConnectAsync(harness.TcpEndPoint);
        await peer.SendAsync(SipText.Options(Via(peer, "z9hG4bKidle")));
        await harness.ReceiveAsync();

        harness.Time.Advance(harness.Options.TcpIdleTimeout - TimeSpan.FromSeconds(1));
        Assert.Equal(1, harness.Counters.ConnectionsOpen);
        harness.Time.Advance(harness.Options.TcpIdleSweepInterval);

        Assert.Equal(0, harness.Counters.ConnectionsOpen);
        await peer.WaitForCloseAsync();
    }

    [Fact]
    public async Task Connection_with_traffic_outlives_the_idle_timeout()
    {
        await using var harness = await TransportHarness.StartAsync();
        await using var peer = await StreamPeer.ConnectAsync(harness.TcpEndPoint);
        await peer.SendAsync(SipText.Options(Via(peer, "z9hG4bKbusy1"), callId: "busy-1"));
        var first = await harness.ReceiveAsync();

        harness.Time.Advance(TimeSpan.FromMinutes(6));
        await peer.SendAsync(SipText.Options(Via(peer, "z9hG4bKbusy2"), callId: "busy-2"));
        await harness.ReceiveAsync();
        harness.Time.Advance(TimeSpan.FromMinutes(6));
        await peer.SendAsync(SipText.Options(Via(peer, "z9hG4bKbusy3"), callId: "busy-3"));
        var third = await harness.ReceiveAsync();

        Assert.Equal("busy-3", third.Message.CallId);
        Assert.Equal(first.Source, third.Source);
        Assert.Equal(1, harness.Counters.ConnectionsOpen);
    }

    [Fact]
    public async Task Keep_alive_line_breaks_do_not_break_framing_and_a_ping_gets_a_pong()
    {
        await using var harness = await TransportHarness.StartAsync();
        await using var peer = await StreamPeer.ConnectAsync(harness.TcpEndPoint);

        // RFC 5626 §3.5.1: CRLF CRLF is a ping, answered with one CRLF.
        await peer.SendAsync("\r\n\r\n");
        var pong = await peer.ReceiveRawAsync(2);
        await peer.SendAsync(
            "\r\n" + SipText.Options(Via(peer, "z9hG4bKka1"), callId: "after-pong")
            + "\r\n\r\n" + SipText.Options(Via(peer, "z9hG4bKka2"), callId: "after-ping") + "\r\n");
        var first = await harness.ReceiveAsync();
        var second = await harness.ReceiveAsync();
        var secondPong = await peer.ReceiveRawAsync(2);

        Assert.Equal("\r\n", pong);
        Assert.Equal("after-pong", first.Message.CallId);
        Assert.Equal("after-ping", second.Message.CallId);
        Assert.Equal("\r\n", secondPong);
        Assert.Equal(0, harness.Counters.MalformedDropped);
    }

    [Fact]
    public async Task Oversize_message_closes_the_connection()
    {
        await using var harness = await TransportHarness.StartAsync(options => options.MaxMessageSize = 1024);
        await using var peer = await StreamPeer.ConnectAsync(harness.TcpEndPoint);

        await peer.SendAsync(SipText.Options(Via(peer, "z9hG4bKbig"), body: new string('x', 2000)));
        await peer.WaitForCloseAsync();
        await harness.Logger.WaitForAsync(entry => entry.Message.Contains("closed", StringComparison.Ordinal));

        Assert.Equal(1, harness.Counters.Oversize);
        Assert.Equal(0, harness.Counters.MessagesReceived);
        Assert.Equal(0, harness.Counters.ConnectionsOpen);
    }

    [Fact]
    public async Task Message_without_content_length_closes_the_connection()
    {
        // RFC 3261 §18.3: on a stream the message end cannot be found without it.
        await using var harness = await TransportHarness.StartAsync();
        await using var peer = await StreamPeer.ConnectAsync(harness.TcpEndPoint);
        var withoutLength = SipText.Options(Via(peer, "z9hG4bKnolen")).Replace("Content-Length: 0\r\n", string.Empty, StringComparison.Ordinal);

        await peer.SendAsync(withoutLength);
        await peer.WaitForCloseAsync();
        await harness.Logger.WaitForAsync(entry => entry.Message.Contains("closed", StringComparison.Ordinal));

        Assert.Equal(1, harness.Counters.MalformedDropped);
        Assert.Equal(0, harness.Counters.MessagesReceived);
    }

    [Fact]
    public async Task Malformed_request_is_answered_on_its_connection_which_stays_open()
    {
        await using var harness = await TransportHarness.StartAsync();
        await using var peer = await StreamPeer.ConnectAsync(harness.TcpEndPoint);

        await peer.SendAsync(SipText.Options(Via(peer, "z9hG4bKbadhops")).Replace("Max-Forwards: 70", "Max-Forwards: lots", StringComparison.Ordinal));
        var answer = Assert.IsType<SipResponse>(await peer.ReceiveAsync());
        await peer.SendAsync(SipText.Options(Via(peer, "z9hG4bKgood"), callId: "good"));
        var incoming = await harness.ReceiveAsync();

        Assert.Equal(400, answer.StatusCode);
        Assert.Equal("Bad Max-Forwards 'lots'", answer.ReasonPhrase);
        Assert.Equal("good", incoming.Message.CallId);
        Assert.Equal(1, harness.Counters.MalformedAnswered);
    }

    [Fact]
    public async Task Connections_over_the_limit_are_refused()
    {
        await using var harness = await TransportHarness.StartAsync(options => options.MaxTcpConnections = 1);
        await using var admitted = await StreamPeer.ConnectAsync(harness.TcpEndPoint);
        await admitted.SendAsync(SipText.Options(Via(admitted, "z9hG4bKlimit")));
        await harness.ReceiveAsync();

        await using var refused = await StreamPeer.ConnectAsync(harness.TcpEndPoint);
        await refused.WaitForCloseAsync();

        Assert.Equal(1, harness.Counters.ConnectionsRejected);
        Assert.Equal(1, harness.Counters.ConnectionsOpen);
    }

    [Fact]
    public async Task Dispose_closes_open_connections()
    {
        var harness = await TransportHarness.StartAsync();
        await using var peer = await StreamPeer.ConnectAsync(harness.TcpEndPoint);
        await peer.SendAsync(SipText.Options(Via(peer, "z9hG4bKstop")));
        await harness.ReceiveAsync();

        await harness.DisposeAsync();

        await peer.WaitForCloseAsync();
        Assert.Equal(0, harness.Counters.ConnectionsOpen);
    }
}
