using System.Net;
using System.Net.Sockets;

namespace CallMyWay.Voice.Telephony.Media.Engine;

/// <summary>
/// The bound RTP and RTCP sockets of one call leg, from <see cref="RtpPortAllocator"/>; disposing
/// closes both and gives the ports back. A session that takes the pair disposes it with itself.
/// </summary>
public sealed class RtpPortPair : IDisposable
{
    private readonly RtpPortAllocator _allocator;
    private int _disposed;

    internal RtpPortPair(RtpPortAllocator allocator, Socket rtpSocket, Socket rtcpSocket, int rtpPort)
    {
        _allocator = allocator;
        RtpSocket = rtpSocket;
        RtcpSocket = rtcpSocket;
        RtpPort = rtpPort;
    }

    /// <summary>The even port RTP is received on and sent from.</summary>
    public int RtpPort { get; }

    /// <summary>The odd port above it, for RTCP (RFC 3550 §11).</summary>
    public int RtcpPort => RtpPort + 1;

    /// <summary>The local address the sockets are bound to.</summary>
    public IPAddress Address => _allocator.BindAddress;

    internal Socket RtpSocket { get; }

    internal Socket RtcpSocket { get; }

    internal bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        RtpSocket.Dispose();
        RtcpSocket.Dispose();
        _allocator.Release(RtpPort);
    }

    public override string ToString() => $"{Address}:{RtpPort}/{RtcpPort}";
}
