using System.Net;
using System.Net.Sockets;
using CallMyWay.Voice.Telephony.Media.Rtp;

namespace CallMyWay.Voice.Telephony.Tests.Media.Engine;

/// <summary>The far end of a call leg: a real RTP and RTCP socket pair on 127.0.0.1.</summary>
internal sealed class TestPeer : IDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    public TestPeer()
    {
        Rtp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        Rtcp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
    }

    public UdpClient Rtp { get; }

    public UdpClient Rtcp { get; }

    public int RtpPort => ((IPEndPoint)Rtp.Client.LocalEndPoint!).Port;

    public int RtcpPort => ((IPEndPoint)Rtcp.Client.LocalEndPoint!).Port;

    public void Send(byte[] datagram, int port) => Rtp.Send(datagram, new IPEndPoint(IPAddress.Loopback, port));

    public void SendRtcp(byte[] datagram, int port) => Rtcp.Send(datagram, new IPEndPoint(IPAddress.Loopback, port));

    public async Task<ReceivedRtp> ReceiveRtpAsync(TimeSpan? timeout = null)
    {
        byte[] datagram = await ReceiveAsync(Rtp, timeout);
        Assert.True(RtpHeader.TryParse(datagram, out RtpHeader header, out ReadOnlySpan<byte> payload), "not an RTP packet");
        return new ReceivedRtp(header, payload.ToArray());
    }

    public async Task<List<ReceivedRtp>> ReceiveRtpAsync(int count)
    {
        var packets = new List<ReceivedRtp>(count);
        for (int i = 0; i < count; i++)
        {
            packets.Add(await ReceiveRtpAsync());
        }

        return packets;
    }

    public Task<byte[]> ReceiveRtcpAsync(TimeSpan? timeout = null) => ReceiveAsync(Rtcp, timeout);

    /// <summary>Whether an RTP datagram waits unread; loopback delivers within the sender's send call.</summary>
    public bool HasPendingRtp => Rtp.Available > 0;

    public void Dispose()
    {
        Rtp.Dispose();
        Rtcp.Dispose();
    }

    private static async Task<byte[]> ReceiveAsync(UdpClient client, TimeSpan? timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? DefaultTimeout);
        UdpReceiveResult result = await client.ReceiveAsync(cancellation.Token);
        return result.Buffer;
    }
}
