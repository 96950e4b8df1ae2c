using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;

namespace CallMyWay.Voice.Telephony.Sip.Transport;

/// <summary>One TCP connection, inbound or outbound: a pipe to read framed messages from, serialized writes,
/// and the time of its last traffic for the idle sweep.</summary>
internal sealed class SipTcpConnection
{
    private readonly NetworkStream _stream;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly TimeProvider _timeProvider;
    private long _lastActivity;
    private int _closed;

    public SipTcpConnection(long id, Socket socket, bool outbound, int receiveBufferSize, TimeProvider timeProvider)
    {
        Id = id;
        Outbound = outbound;
        Remote = SipResponseRouting.Normalize((IPEndPoint)socket.RemoteEndPoint!);
        Local = SipResponseRouting.Normalize((IPEndPoint)socket.LocalEndPoint!);
        _timeProvider = timeProvider;
        _stream = new NetworkStream(socket, ownsSocket: true);
        Input = PipeReader.Create(_stream, new StreamPipeReaderOptions(bufferSize: receiveBufferSize, minimumReadSize: Math.Min(1024, receiveBufferSize), leaveOpen: true));
        Touch();
    }

    /// <summary>The id that <see cref="SipEndPoint.ConnectionId"/> carries.</summary>
    public long Id { get; }

    /// <summary>Whether this side opened the connection.</summary>
    public bool Outbound { get; }

    public IPEndPoint Remote { get; }

    public IPEndPoint Local { get; }

    public PipeReader Input { get; }

    /// <summary>The read loop, awaited when the transport stops.</summary>
    public Task Completion { get; set; } = Task.CompletedTask;

    public SipEndPoint RemoteEndPoint => new(SipTransportKind.Tcp, Remote, Id);

    public SipEndPoint LocalEndPoint => new(SipTransportKind.Tcp, Local, Id);

    public bool IsClosed => Volatile.Read(ref _closed) != 0;

    /// <summary>Whether a write was cancelled part way, leaving the stream unframeable.</summary>
    public bool WriteInterrupted { get; private set; }

    /// <summary>Records traffic, which keeps the connection from being swept as idle.</summary>
    public void Touch() => Volatile.Write(ref _lastActivity, _timeProvider.GetTimestamp());

    public bool IsIdleFor(TimeSpan timeout) => _timeProvider.GetElapsedTime(Volatile.Read(ref _lastActivity)) >= timeout;

    /// <summary>Writes bytes as one unit: concurrent senders never interleave their messages on the stream.</summary>
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _stream.WriteAsync(data, cancellationToken).ConfigureAwait(false);
            Touch();
        }
        catch (OperationCanceledException)
        {
            WriteInterrupted = true;
            throw;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Shuts the socket down, which also ends a pending read; true only for the call that closed it.</summary>
    public bool Close()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return false;
        }

        try
        {
            _stream.Socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
            // Already reset by the peer: disposing is all that is left to do.
        }

        _stream.Dispose();
        return true;
    }
}
