using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;

namespace CallMyWay.Voice.Telephony.Media.Engine;

/// <summary>
/// Hands out the UDP socket pairs of calls' media: an even RTP port and RTCP on the next, odd port
/// (RFC 3550 §11), from a configured range, both bound before the pair is handed out.
/// </summary>
/// <remarks>
/// Allocation walks the range round-robin from where the last one stopped, so a port just released
/// is the last to be reused and late packets of a finished call do not land in a new one. A port
/// that another process holds fails to bind and is skipped. Safe to call from any thread.
/// </remarks>
public sealed class RtpPortAllocator
{
    private readonly Lock _gate = new();
    private readonly bool[] _inUse;
    private readonly int _firstPort;
    private int _next;
    private int _allocated;

    /// <param name="bindAddress">The local address both sockets bind to.</param>
    /// <param name="minPort">The lowest port; rounded up to even.</param>
    /// <param name="maxPort">The highest port either socket may take.</param>
    public RtpPortAllocator(IPAddress bindAddress, int minPort, int maxPort)
    {
        ArgumentNullException.ThrowIfNull(bindAddress);
        ArgumentOutOfRangeException.ThrowIfLessThan(minPort, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxPort, ushort.MaxValue);
        _firstPort = (minPort + 1) & ~1;
        int pairs = (maxPort - _firstPort + 1) / 2;
        ArgumentOutOfRangeException.ThrowIfLessThan(pairs, 1, nameof(maxPort));
        BindAddress = bindAddress;
        _inUse = new bool[pairs];
    }

    /// <summary>Creates the allocator for the <c>Media</c> options.</summary>
    public RtpPortAllocator(MediaOptions options)
        : this(
            (options ?? throw new ArgumentNullException(nameof(options))).GetBindAddress(),
            options.RtpPortMin,
            options.RtpPortMax)
    {
    }

    /// <summary>The local address the sockets are bound to.</summary>
    public IPAddress BindAddress { get; }

    /// <summary>How many pairs the range holds.</summary>
    public int Capacity => _inUse.Length;

    /// <summary>How many pairs are handed out now.</summary>
    public int InUse
    {
        get
        {
            lock (_gate)
            {
                return _allocated;
            }
        }
    }

    /// <summary>
    /// Binds the next free pair; false when every pair of the range is handed out or taken by
    /// another process, which the caller answers as a lack of capacity (e.g. SIP 503).
    /// </summary>
    public bool TryAllocate([NotNullWhen(true)] out RtpPortPair? pair)
    {
        lock (_gate)
        {
            for (int tried = 0; tried < _inUse.Length; tried++)
            {
                int index = _next;
                _next = (_next + 1) % _inUse.Length;
                if (_inUse[index])
                {
                    continue;
                }

                int rtpPort = _firstPort + (2 * index);
                Socket? rtp = TryBind(rtpPort);
                if (rtp is null)
                {
                    continue;
                }

                Socket? rtcp = TryBind(rtpPort + 1);
                if (rtcp is null)
                {
                    rtp.Dispose();
                    continue;
                }

                _inUse[index] = true;
                _allocated++;
                pair = new RtpPortPair(this, rtp, rtcp, rtpPort);
                return true;
            }
        }

        pair = null;
        return false;
    }

    /// <summary>Binds the next free pair, or throws when the range is exhausted.</summary>
    public RtpPortPair Allocate() =>
        TryAllocate(out RtpPortPair? pair)
            ? pair
            : throw new InvalidOperationException(
                $"No free RTP port pair between {_firstPort} and {_firstPort + (2 * _inUse.Length) - 1} on {BindAddress}.");

    internal void Release(int rtpPort)
    {
        lock (_gate)
        {
            int index = (rtpPort - _firstPort) / 2;
            if (_inUse[index])
            {
                _inUse[index] = false;
                _allocated--;
            }
        }
    }

    private Socket? TryBind(int port)
    {
        var socket = new Socket(BindAddress.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            if (BindAddress.AddressFamily == AddressFamily.InterNetworkV6 && BindAddress.Equals(IPAddress.IPv6Any))
            {
                // One socket then serves IPv4 and IPv6 peers alike.
                socket.DualMode = true;
            }

            socket.Bind(new IPEndPoint(BindAddress, port));
            return socket;
        }
        catch (SocketException)
        {
            socket.Dispose();
            return null;
        }
    }
}
