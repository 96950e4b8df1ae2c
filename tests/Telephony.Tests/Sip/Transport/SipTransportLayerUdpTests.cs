using System.Net;
using System.Net.Sockets;
using CallMyWay.Voice.Telephony.Sip.Messages;
using CallMyWay.Voice.Telephony.Sip.Transport;
using Microsoft.Extensions.Logging;

namespace CallMyWay.Voice.Telephony.Tests.Sip.Transport;

public sealed class SipTransportLayerUdpTests
{
    private static UdpClient Peer() => new(new IPEndPoint(IPAddress.Loopback, 0));

    private static IPEndPoint EndPointOf(UdpClient client) => (IPEndPoint)client.Client.LocalEndPoint!;

    private static async Task SendAsync(UdpClient client, string text, IPEndPoint to) =>
        await client.SendAsync(SipText.Bytes(text), to).AsTask().WaitAsync(TransportHarness.Timeout);

    private static async Task<(SipMessage Message, IPEndPoint From)> ReceiveAsync(UdpClient client)
    {
        var datagram = await client.ReceiveAsync().WaitAsync(TransportHarness.Timeout);
        return (SipText.Parse(datagram.Buffer), datagram.RemoteEndPoint);
    }

    [Fact]
    public async Task Udp_and_tcp_listen_on_the_same_port()
    {
        await using var harness = await TransportHarness.StartAsync();

        Assert.Equal([SipTransportKind.Udp, SipTransportKind.Tcp], harness.Transport.LocalEndPoints.Select(endPoint => endPoint.Transport));
        Assert.NotEqual(0, harness.UdpEndPoint.Port);
        Assert.Equal(harness.UdpEndPoint, harness.TcpEndPoint);
        Assert.Equal(IPAddress.Loopback, harness.UdpEndPoint.Address);
    }

    [Fact]
    public async Task Udp_request_is_delivered_with_its_source_and_received_and_rport_filled()
    {
        await using var harness = await TransportHarness.StartAsync();
        using var peer = Peer();

        await SendAsync(peer, SipText.Options("SIP/2.0/UDP 192.0.2.10:5070;branch=z9hG4bKudp1;rport"), harness.UdpEndPoint);
        var incoming = await harness.ReceiveAsync();

        Assert.Equal(new SipEndPoint(SipTransportKind.Udp, EndPointOf(peer)), incoming.Source);
        Assert.Equal(new SipEndPoint(SipTransportKind.Udp, harness.UdpEndPoint), incoming.Local);
        var top = incoming.Message.Vias[0];
        Assert.Equal("127.0.0.1", top.Received);
        Assert.Equal(EndPointOf(peer).Port, top.RPort);
        Assert.Equal("192.0.2.10:5070", top.SentBy);
        Assert.Equal(1, harness.Counters.MessagesReceived);
    }

    [Fact]
    public async Task Udp_request_from_its_sent_by_address_keeps_its_via()
    {
        await using var harness = await TransportHarness.StartAsync();
        using var peer = Peer();
        var via = $"SIP/2.0/UDP 127.0.0.1:{EndPointOf(peer).Port};branch=z9hG4bKudp2";

        await SendAsync(peer, SipText.Options(via), harness.UdpEndPoint);
        var incoming = await harness.ReceiveAsync();

        Assert.Equal(via, incoming.Message.Headers.GetFirst("Via"));
    }

    [Fact]
    public async Task Response_is_sent_back_to_the_rport_from_the_listening_port()
    {
        await using var harness = await TransportHarness.StartAsync();
        using var peer = Peer();

        // The Via names a port nobody listens on: only rport brings the response back (RFC 3581 §4).
        await SendAsync(peer, SipText.Options("SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bKudp3;rport"), harness.UdpEndPoint);
        var incoming = await harness.ReceiveAsync();
        var request = (SipRequest)incoming.Message;
        var response = SipResponseFactory.CreateResponse(request, 200, toTag: "9fxced76sl");
        await harness.Transport.SendAsync(response, SipResponseRouting.ResponseDestination(request, incoming.Source), CancellationToken.None);
        var (answer, from) = await ReceiveAsync(peer);

        var ok = Assert.IsType<SipResponse>(answer);
        Assert.Equal(200, ok.StatusCode);
        Assert.Equal(EndPointOf(peer).Port, ok.Vias[0].RPort);
        Assert.Equal("127.0.0.1", ok.Vias[0].Received);
        Assert.Equal(harness.UdpEndPoint, from);
        Assert.Equal(1, harness.Counters.MessagesSent);
    }

    [Fact]
    public async Task Request_sent_over_udp_reaches_the_peer_byte_for_byte()
    {
        await using var harness = await TransportHarness.StartAsync();
        using var peer = Peer();
        var request = SipText.Request(SipText.Options($"SIP/2.0/UDP 127.0.0.1:{harness.UdpEndPoint.Port};branch=z9hG4bKout1;rport", body: "hello"));

        await harness.Transport.SendAsync(request, new SipEndPoint(SipTransportKind.Udp, EndPointOf(peer)), CancellationToken.None);
        var datagram = await peer.ReceiveAsync().WaitAsync(TransportHarness.Timeout);

        Assert.Equal(request.ToBytes(), datagram.Buffer);
    }

    [Fact]
    public async Task Receiver_exception_is_logged_and_does_not_stop_the_loop()
    {
        await using var harness = await TransportHarness.StartAsync();
        using var peer = Peer();
        var delivered = new TaskCompletionSource<IncomingSipMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Intercept = incoming => incoming.Message.CallId switch
        {
            "throws-sync" => throw new InvalidOperationException("synchronous failure"),
            "throws-async" => FailLaterAsync(),
            _ => Complete(delivered, incoming),
        };

        await SendAsync(peer, SipText.Options("SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bKex1", callId: "throws-sync"), harness.UdpEndPoint);
        await SendAsync(peer, SipText.Options("SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bKex2", callId: "throws-async"), harness.UdpEndPoint);
        await SendAsync(peer, SipText.Options("SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bKex3", callId: "fine"), harness.UdpEndPoint);
        var survivor = await delivered.Task.WaitAsync(TransportHarness.Timeout);
        await harness.Logger.WaitForAsync(entry => entry.Exception?.Message == "asynchronous failure");

        Assert.Equal("fine", survivor.Message.CallId);
        Assert.Equal(3, harness.Counters.MessagesReceived);
        Assert.Equal(2, harness.Counters.ReceiverFailures);
        Assert.Equal(2, harness.LogsAbove(LogLevel.Warning).Count(entry => entry.Exception is InvalidOperationException));

        static async ValueTask FailLaterAsync()
        {
            await Task.Yield();
            throw new InvalidOperationException("asynchronous failure");
        }

        static ValueTask Complete(TaskCompletionSource<IncomingSipMessage> completion, IncomingSipMessage incoming)
        {
            completion.TrySetResult(incoming);
            return ValueTask.CompletedTask;
        }
    }

    [Fact]
    public async Task Dual_stack_listener_sees_ipv4_peers_as_ipv4_and_answers_them()
    {
        if (!Socket.OSSupportsIPv6)
        {
            return;
        }

        await using var harness = await TransportHarness.StartAsync(options => options.ListenAddress = "::");
        using var peer = Peer();
        var port = harness.UdpEndPoint.Port;

        await SendAsync(peer, SipText.Options("SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bKdual;rport"), new IPEndPoint(IPAddress.Loopback, port));
        var incoming = await harness.ReceiveAsync();
        var request = (SipRequest)incoming.Message;
        await harness.Transport.SendAsync(SipResponseFactory.CreateResponse(request, 200, toTag: "dual"), SipResponseRouting.ResponseDestination(request, incoming.Source), CancellationToken.None);
        var (answer, _) = await ReceiveAsync(peer);

        Assert.Equal(IPAddress.IPv6Any, harness.UdpEndPoint.Address);
        Assert.Equal(EndPointOf(peer), incoming.Source.Address);
        Assert.Equal("127.0.0.1", incoming.Message.Vias[0].Received);
        Assert.Equal(200, Assert.IsType<SipResponse>(answer).StatusCode);
    }

    [Fact]
    public async Task Advertised_host_is_the_public_address_when_set()
    {
        await using var harness = await TransportHarness.StartAsync(options => options.PublicAddress = "2001:db8::20");

        Assert.Equal("[2001:db8::20]", harness.Transport.AdvertisedHostFor(IPAddress.Loopback));
    }

    [Fact]
    public async Task Advertised_host_is_the_specific_listen_address()
    {
        await using var harness = await TransportHarness.StartAsync();

        Assert.Equal("127.0.0.1", harness.Transport.AdvertisedHostFor(IPAddress.Parse("192.0.2.1")));
    }

    [Fact]
    public async Task Listening_on_every_interface_advertises_the_address_that_reaches_the_destination()
    {
        await using var harness = await TransportHarness.StartAsync(options => options.ListenAddress = "0.0.0.0");

        Assert.Equal("127.0.0.1", harness.Transport.AdvertisedHostFor(IPAddress.Loopback));
    }

    [Fact]
    public async Task Dispose_stops_promptly_and_frees_the_port()
    {
        var harness = await TransportHarness.StartAsync();
        var endPoint = harness.UdpEndPoint;
        var request = SipText.Request(SipText.Options("SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bKdisp"));

        await harness.DisposeAsync();

        using var udp = new UdpClient(endPoint);
        var tcp = new TcpListener(endPoint);
        tcp.Start();
        tcp.Stop();
        await Assert.ThrowsAsync<SipTransportException>(async () =>
            await harness.Transport.SendAsync(request, new SipEndPoint(SipTransportKind.Udp, endPoint), CancellationToken.None));
    }

    [Fact]
    public async Task Starting_on_a_port_in_use_fails_with_a_clear_message()
    {
        using var taken = Peer();
        var port = EndPointOf(taken).Port;

        var exception = await Assert.ThrowsAsync<SipTransportException>(() => TransportHarness.StartAsync(options => options.Port = port));

        Assert.Contains($"127.0.0.1:{port}", exception.Message, StringComparison.Ordinal);
    }
}
