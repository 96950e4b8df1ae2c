using System.Net;
using System.Net.Sockets;
using System.Text;
using CallMyWay.Voice.Telephony.Sip.Messages;
using CallMyWay.Voice.Telephony.Sip.Transport;
using Microsoft.Extensions.Logging;

namespace CallMyWay.Voice.Telephony.Tests.Sip.Transport;

public sealed class SipTransportLayerMalformedInputTests
{
    private static UdpClient Peer() => new(new IPEndPoint(IPAddress.Loopback, 0));

    private static string ViaTo(UdpClient peer, string branch) =>
        $"SIP/2.0/UDP 127.0.0.1:{((IPEndPoint)peer.Client.LocalEndPoint!).Port};branch={branch};rport";

    private static async Task SendAsync(UdpClient peer, byte[] datagram, IPEndPoint to) =>
        await peer.SendAsync(datagram, to).AsTask().WaitAsync(TransportHarness.Timeout);

    private static async Task<string> ReceiveTextAsync(UdpClient peer)
    {
        var datagram = await peer.ReceiveAsync().WaitAsync(TransportHarness.Timeout);
        return Encoding.UTF8.GetString(datagram.Buffer);
    }

    /// <summary>Sends a valid request and waits for it: the UDP loop is sequential, so everything sent before
    /// has been fully processed, counters included, once it arrives.</summary>
    private static async Task ProbeAsync(TransportHarness harness, UdpClient peer, string callId)
    {
        await SendAsync(peer, SipText.Bytes(SipText.Options(ViaTo(peer, "z9hG4bKprobe"), callId: callId)), harness.UdpEndPoint);
        while ((await harness.ReceiveAsync()).Message.CallId != callId)
        {
            // Mutated input that still parses is delivered like any message; skip it.
        }
    }

    [Fact]
    public async Task Oversize_datagram_is_dropped_and_counted()
    {
        await using var harness = await TransportHarness.StartAsync(options => options.MaxMessageSize = 1024);
        using var peer = Peer();

        await SendAsync(peer, SipText.Bytes(SipText.Options(ViaTo(peer, "z9hG4bKbig"), callId: "too-big", body: new string('x', 1500))), harness.UdpEndPoint);
        await SendAsync(peer, SipText.Bytes(SipText.Options(ViaTo(peer, "z9hG4bKsmall"), callId: "fits")), harness.UdpEndPoint);
        var incoming = await harness.ReceiveAsync();

        Assert.Equal("fits", incoming.Message.CallId);
        Assert.Equal(1, harness.Counters.Oversize);
        Assert.Equal(1, harness.Counters.MessagesReceived);
        Assert.Contains(harness.Logger.Entries, entry => entry.Level == LogLevel.Debug && entry.Message.Contains("over the 1024-byte limit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Malformed_request_with_enough_headers_is_answered_400_with_the_reason()
    {
        await using var harness = await TransportHarness.StartAsync();
        using var peer = Peer();
        var port = ((IPEndPoint)peer.Client.LocalEndPoint!).Port;
        var malformed = SipText.Options("SIP/2.0/UDP 192.0.2.10:5070;branch=z9hG4bKbad;rport", callId: "bad-hops")
            .Replace("Max-Forwards: 70", "Max-Forwards: lots", StringComparison.Ordinal);

        await SendAsync(peer, SipText.Bytes(malformed), harness.UdpEndPoint);
        var answer = Assert.IsType<SipResponse>(SipText.Parse(SipText.Bytes(await ReceiveTextAsync(peer))));
        await ProbeAsync(harness, peer, "probe");

        Assert.Equal(400, answer.StatusCode);
        Assert.Equal("Bad Max-Forwards 'lots'", answer.ReasonPhrase);
        Assert.Equal("bad-hops", answer.CallId);
        Assert.Equal(new CSeq(1, SipMethod.Options), answer.CSeq);
        Assert.Equal($"SIP/2.0/UDP 192.0.2.10:5070;branch=z9hG4bKbad;rport={port};received=127.0.0.1", answer.Headers.GetFirst("Via"));
        Assert.Equal(1, harness.Counters.MalformedAnswered);
        Assert.Equal(0, harness.Counters.MalformedDropped);
        Assert.Equal(1, harness.Counters.MessagesReceived);
        var line = Assert.Single(harness.Logger.Entries, entry => entry.Message.Contains("malformed", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Debug, line.Level);
        Assert.Contains("127.0.0.1", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_with_an_unsupported_version_is_answered_505()
    {
        await using var harness = await TransportHarness.StartAsync();
        using var peer = Peer();
        var future = SipText.Options(ViaTo(peer, "z9hG4bKv7"), callId: "future").Replace("SIP/2.0\r\n", "SIP/7.0\r\n", StringComparison.Ordinal);

        await SendAsync(peer, SipText.Bytes(future), harness.UdpEndPoint);
        var answer = Assert.IsType<SipResponse>(SipText.Parse(SipText.Bytes(await ReceiveTextAsync(peer))));

        Assert.Equal(505, answer.StatusCode);
        Assert.Equal("future", answer.CallId);
    }

    [Theory]
    [InlineData("ack")]
    [InlineData("response")]
    [InlineData("no-via")]
    [InlineData("noise")]
    public async Task Malformed_input_that_cannot_be_answered_is_dropped_and_counted(string kind)
    {
        await using var harness = await TransportHarness.StartAsync();
        using var peer = Peer();
        var via = ViaTo(peer, "z9hG4bKdrop");
        var text = kind switch
        {
            // RFC 3261 §17.1.1.3: an ACK is never answered, §18.1.2: nor is a response.
            "ack" => SipText.Options(via, cseq: "1 ACK").Replace("OPTIONS sip:", "ACK sip:", StringComparison.Ordinal).Replace("Max-Forwards: 70", "Max-Forwards: lots", StringComparison.Ordinal),
            "response" => SipText.Response(via, cseq: "one OPTIONS"),
            "no-via" => SipText.Options("nonsense", cseq: "one OPTIONS"),
            _ => "\u0016\u0003\u0001 binary noise \0\0\0",
        };

        await SendAsync(peer, SipText.Bytes(text), harness.UdpEndPoint);
        await ProbeAsync(harness, peer, "after-" + kind);

        Assert.Equal(1, harness.Counters.MalformedDropped);
        Assert.Equal(0, harness.Counters.MalformedAnswered);
        Assert.Equal(0, peer.Available);
        Assert.Contains(harness.Logger.Entries, entry => entry.Level == LogLevel.Debug && entry.Message.StartsWith("Dropped malformed SIP message from UDP:127.0.0.1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Line_breaks_alone_are_a_keep_alive_and_not_malformed()
    {
        await using var harness = await TransportHarness.StartAsync();
        using var peer = Peer();

        await SendAsync(peer, "\r\n\r\n"u8.ToArray(), harness.UdpEndPoint);
        await ProbeAsync(harness, peer, "after-keep-alive");

        Assert.Equal(0, harness.Counters.MalformedDropped);
        Assert.Equal(0, peer.Available);
    }

    [Fact]
    public async Task Garbage_datagrams_do_not_stop_the_receive_loop()
    {
        await using var harness = await TransportHarness.StartAsync();
        using var peer = Peer();
        var random = new Random(3261);
        var seeds = new[]
        {
            SipText.Bytes(SipText.Options(ViaTo(peer, "z9hG4bKfuzz1"), callId: "fuzz")),
            SipText.Bytes(SipText.Options(ViaTo(peer, "z9hG4bKfuzz2"), callId: "fuzz", body: "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n")),
            SipText.Bytes(SipText.Response(ViaTo(peer, "z9hG4bKfuzz3"), callId: "fuzz")),
        };

        for (var i = 1; i <= 2000; i++)
        {
            await SendAsync(peer, Mutate(seeds[random.Next(seeds.Length)], random), harness.UdpEndPoint);
            if (i % 100 == 0)
            {
                // Keeps the sender from overrunning the socket buffer, and proves the loop alive as it goes.
                await ProbeAsync(harness, peer, $"probe-{i}");
            }
        }

        await SendAsync(peer, SipText.Bytes(SipText.Options(ViaTo(peer, "z9hG4bKlast"), callId: "still-alive")), harness.UdpEndPoint);
        IncomingSipMessage last;
        do
        {
            last = await harness.ReceiveAsync();
        }
        while (last.Message.CallId != "still-alive");

        Assert.IsType<SipRequest>(last.Message);
        Assert.True(harness.Counters.MalformedDropped > 100, $"dropped {harness.Counters.MalformedDropped}");
        Assert.True(harness.Counters.MalformedAnswered > 100, $"answered {harness.Counters.MalformedAnswered}");
        Assert.Empty(harness.LogsAbove(LogLevel.Information));
    }

    [Theory]
    [InlineData("Bad CSeq 'x'", "Bad CSeq 'x'")]
    [InlineData("two\r\nlines\tand\0control", "two  lines and control")]
    [InlineData("  padded  ", "padded")]
    public void Reason_phrase_is_one_line_of_printable_text(string reason, string phrase)
    {
        Assert.Equal(phrase, SipTransportLayer.Sanitize(reason));
    }

    [Fact]
    public void Long_reason_phrase_is_cut_short()
    {
        Assert.Equal(120, SipTransportLayer.Sanitize(new string('a', 500)).Length);
    }

    private static byte[] Mutate(byte[] seed, Random random)
    {
        var data = new List<byte>(seed);
        switch (random.Next(7))
        {
            case 0:
                for (var flips = random.Next(1, 12); flips > 0; flips--)
                {
                    data[random.Next(data.Count)] = (byte)random.Next(256);
                }

                break;
            case 1:
                var cut = random.Next(data.Count);
                data.RemoveRange(cut, data.Count - cut);
                break;
            case 2:
                data.InsertRange(random.Next(data.Count), RandomBytes(random, random.Next(1, 64)));
                break;
            case 3:
                var lines = Encoding.UTF8.GetString(seed).Split("\r\n").ToList();
                var line = random.Next(lines.Count);
                var colon = lines[line].IndexOf(':', StringComparison.Ordinal);
                lines[line] = (colon > 0 ? lines[line][..(colon + 1)] : string.Empty) + Encoding.Latin1.GetString(RandomBytes(random, random.Next(0, 40)));
                return Encoding.UTF8.GetBytes(string.Join("\r\n", lines));
            case 4:
                var shuffled = Encoding.UTF8.GetString(seed).Split("\r\n").OrderBy(_ => random.Next()).ToArray();
                return Encoding.UTF8.GetBytes(string.Join("\r\n", shuffled));
            case 5:
                return RandomBytes(random, random.Next(0, 1500));
            default:
                var soup = new byte[random.Next(1, 200)];
                for (var i = 0; i < soup.Length; i++)
                {
                    soup[i] = "\r\n :;,<>\"SIP/2.0"u8[random.Next(16)];
                }

                return soup;
        }

        return [.. data];
    }

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
