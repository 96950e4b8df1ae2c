using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CallMyWay.Voice.Telephony.Sip.Messages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallMyWay.Voice.Telephony.Sip.Transport;

/// <summary>
/// SIP over UDP and TCP on one address and port (RFC 3261 §18): one receive loop for datagrams, one accept loop,
/// one read loop per connection; connections kept for reuse and closed when idle; malformed input answered with
/// 400 where it can be addressed, else dropped, and counted either way.
/// </summary>
public sealed partial class SipTransportLayer : ISipTransport
{
    // The largest UDP payload (65,507 bytes over IPv4) fits, so a datagram is never silently truncated.
    private const int DatagramBufferSize = 64 * 1024;

    private static readonly ReadOnlyMemory<byte> Pong = "\r\n"u8.ToArray();

    private readonly SipTransportOptions _options;
    private readonly ILogger<SipTransportLayer> _logger;
    private readonly TimeProvider _timeProvider;
    private readonly SipParserOptions _parserOptions;
    private readonly SipStreamFramer _framer;
    private readonly CancellationTokenSource _lifetime = new();
    private readonly CancellationToken _stopping;
    private readonly ConcurrentDictionary<long, SipTcpConnection> _connections = new();
    private readonly ConcurrentDictionary<IPEndPoint, SipTcpConnection> _connectionsByRemote = new();
    private readonly ConcurrentDictionary<IPEndPoint, Lazy<Task<SipTcpConnection>>> _connecting = new();
    private readonly List<Task> _loops = [];
    private IPAddress _listenAddress = IPAddress.Any;
    private Socket? _udpSocket;
    private Socket? _tcpListener;
    private ITimer? _idleSweep;
    private Func<IncomingSipMessage, ValueTask>? _receiver;
    private long _lastConnectionId;
    private int _disposed;

    /// <summary>Creates a transport; nothing is bound before <see cref="StartAsync"/>.</summary>
    /// <exception cref="ArgumentException">The options are not valid (<see cref="SipTransportOptions.Validate"/>).</exception>
    public SipTransportLayer(IOptions<SipTransportOptions> options, ILogger<SipTransportLayer> logger, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _options = options.Value;
        var errors = _options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(options));
        }

        _logger = logger;
        _timeProvider = timeProvider;
        _parserOptions = new SipParserOptions { MaxMessageSize = _options.MaxMessageSize };
        _framer = new SipStreamFramer(_options.MaxMessageSize);
        _stopping = _lifetime.Token;
    }

    /// <inheritdoc />
    /// <remarks>UDP first, then TCP, on the same port; empty before <see cref="StartAsync"/>.</remarks>
    public IReadOnlyList<SipEndPoint> LocalEndPoints { get; private set; } = [];

    /// <summary>What has been received, sent, dropped and answered so far.</summary>
    public SipTransportCounters Counters { get; } = new();

    /// <inheritdoc />
    public Task StartAsync(Func<IncomingSipMessage, ValueTask> receiver, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        cancellationToken.ThrowIfCancellationRequested();
        if (Interlocked.CompareExchange(ref _receiver, receiver, null) is not null)
        {
            throw new InvalidOperationException("The transport is already started.");
        }

        _listenAddress = IPAddress.Parse(_options.ListenAddress);
        try
        {
            (_udpSocket, _tcpListener) = Bind(_listenAddress, _options.Port);
        }
        catch (SipTransportException)
        {
            _receiver = null;
            throw;
        }

        var udp = new SipEndPoint(SipTransportKind.Udp, SipResponseRouting.Normalize((IPEndPoint)_udpSocket.LocalEndPoint!));
        var tcp = new SipEndPoint(SipTransportKind.Tcp, SipResponseRouting.Normalize((IPEndPoint)_tcpListener.LocalEndPoint!));
        LocalEndPoints = [udp, tcp];

        // One sweep for every connection rather than a timer each.
        _idleSweep = _timeProvider.CreateTimer(_ => CloseIdleConnections(), null, _options.TcpIdleSweepInterval, _options.TcpIdleSweepInterval);
        var udpSocket = _udpSocket;
        var tcpListener = _tcpListener;
        lock (_loops)
        {
            _loops.Add(Task.Run(() => ReceiveDatagramsAsync(udpSocket, udp, _stopping), CancellationToken.None));
            _loops.Add(Task.Run(() => AcceptConnectionsAsync(tcpListener, _stopping), CancellationToken.None));
        }

        var advertised = _options.PublicAddress
            ?? (IsWildcard(_listenAddress) ? "the local address routed to each peer" : _options.ListenAddress);
        LogListening(_logger, udp.Address, advertised);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Over TCP: the connection named by <see cref="SipEndPoint.ConnectionId"/> while it is open; a response whose
    /// connection has closed goes to a new connection addressed from its top Via (RFC 3261 §18.2.2); otherwise an
    /// open connection to the address is reused or a new one opened.
    /// </remarks>
    public async ValueTask SendAsync(SipMessage message, SipEndPoint destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(destination.Address);
        if (_receiver is null || _stopping.IsCancellationRequested)
        {
            throw new SipTransportException("The SIP transport is not running.");
        }

        using var buffer = new PooledBufferWriter();
        message.WriteTo(buffer);
        if (buffer.WrittenCount > _options.MaxMessageSize)
        {
            throw new SipTransportException($"A message of {buffer.WrittenCount} bytes exceeds the {_options.MaxMessageSize}-byte limit.");
        }

        if (destination.Transport == SipTransportKind.Udp)
        {
            await SendDatagramAsync(buffer.WrittenMemory, SipResponseRouting.Normalize(destination.Address), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var connection = await FindOrOpenConnectionAsync(message, destination, cancellationToken).ConfigureAwait(false);
            await WriteAsync(connection, buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
        }

        Counters.MessageSent();
    }

    /// <summary>
    /// The host to write into Via sent-by and Contact for messages to <paramref name="destination"/>: the public
    /// address when configured, else the listen address, else (listening on every interface) the local address
    /// the routing table picks for that destination.
    /// </summary>
    public string AdvertisedHostFor(IPAddress destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (_options.PublicAddress is { } publicAddress)
        {
            return SipGrammar.NormalizeHost(publicAddress);
        }

        var listen = IPAddress.Parse(_options.ListenAddress);
        if (!IsWildcard(listen))
        {
            return SipGrammar.NormalizeHost(listen.ToString());
        }

        // Connecting a datagram socket sends nothing; it only asks the kernel which source address it would use.
        destination = SipResponseRouting.Normalize(destination);
        try
        {
            using var probe = new Socket(destination.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            probe.Connect(new IPEndPoint(destination, SipResponseRouting.DefaultPort));
            var local = SipResponseRouting.Normalize(((IPEndPoint)probe.LocalEndPoint!).Address);
            return SipGrammar.NormalizeHost(new IPAddress(local.GetAddressBytes()).ToString());
        }
        catch (SocketException exception)
        {
            throw new SipTransportException($"No local address reaches {destination}: {exception.SocketErrorCode}.", exception);
        }
    }

    /// <summary>Stops the loops and closes the sockets and every connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _lifetime.CancelAsync().ConfigureAwait(false);
        if (_idleSweep is not null)
        {
            await _idleSweep.DisposeAsync().ConfigureAwait(false);
        }

        _udpSocket?.Dispose();
        _tcpListener?.Dispose();
        List<Task> pending;
        lock (_loops)
        {
            pending = [.. _loops];
        }

        foreach (var connection in _connections.Values)
        {
            pending.Add(connection.Completion);
            CloseConnection(connection, "transport stopped");
        }

        try
        {
            await Task.WhenAll(pending).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // A loop that noticed the stop by cancellation has ended as it should.
        }

        _lifetime.Dispose();
        if (_receiver is not null)
        {
            LogStopped(_logger);
        }
    }

    private (Socket Udp, Socket Tcp) Bind(IPAddress address, int port)
    {
        // Port 0: the kernel picks a free UDP port, which may be taken for TCP; then try another.
        var attempts = port == 0 ? 20 : 1;
        for (var attempt = 1; ; attempt++)
        {
            var udp = CreateSocket(address, SocketType.Dgram, ProtocolType.Udp);
            var tcp = CreateSocket(address, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                if (_options.UdpReceiveBufferSize > 0)
                {
                    udp.ReceiveBufferSize = _options.UdpReceiveBufferSize;
                }

                udp.Bind(new IPEndPoint(address, port));
                var boundPort = ((IPEndPoint)udp.LocalEndPoint!).Port;
                if (!OperatingSystem.IsWindows())
                {
                    // Lets a restarted service listen again while old connections sit in TIME_WAIT.
                    tcp.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                }

                tcp.Bind(new IPEndPoint(address, boundPort));
                tcp.Listen(512);
                return (udp, tcp);
            }
            catch (SocketException exception)
            {
                udp.Dispose();
                tcp.Dispose();
                if (attempt >= attempts || exception.SocketErrorCode != SocketError.AddressAlreadyInUse)
                {
                    throw new SipTransportException($"Cannot listen for SIP on UDP and TCP {address}:{port}: {exception.SocketErrorCode}.", exception);
                }
            }
        }
    }

    private static bool IsWildcard(IPAddress address) => address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any);

    private static Socket CreateSocket(IPAddress address, SocketType type, ProtocolType protocol)
    {
        var socket = new Socket(address.AddressFamily, type, protocol);
        if (address.Equals(IPAddress.IPv6Any))
        {
            socket.DualMode = true;
        }

        return socket;
    }

    private async Task ReceiveDatagramsAsync(Socket socket, SipEndPoint local, CancellationToken stopping)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(DatagramBufferSize);
        var address = new SocketAddress(socket.AddressFamily);
        var template = new IPEndPoint(socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                int length;
                try
                {
                    length = await socket.ReceiveFromAsync(buffer.AsMemory(), SocketFlags.None, address, stopping).ConfigureAwait(false);
                }
                catch (SocketException exception) when (exception.SocketErrorCode == SocketError.MessageSize)
                {
                    Counters.OversizeSeen();
                    continue;
                }
                catch (SocketException exception) when (exception.SocketErrorCode == SocketError.ConnectionReset)
                {
                    // Windows reports an ICMP port unreachable for an earlier send here; it concerns no datagram.
                    continue;
                }
                catch (SocketException exception) when (!stopping.IsCancellationRequested)
                {
                    LogReceiveFailed(_logger, SipTransportKind.Udp, exception);
                    continue;
                }

                var source = new SipEndPoint(SipTransportKind.Udp, SipResponseRouting.Normalize((IPEndPoint)template.Create(address)));
                if (length > _options.MaxMessageSize)
                {
                    Counters.OversizeSeen();
                    LogOversizeDatagram(_logger, length, source, _options.MaxMessageSize);
                    continue;
                }

                try
                {
                    // The parser copies what it keeps, so the buffer is free again once TryParse returns.
                    if (SipParser.TryParse(buffer.AsSpan(0, length), _parserOptions, out var message, out var error))
                    {
                        DeliverWithoutWaiting(Accept(message, source, local));
                    }
                    else
                    {
                        await AnswerMalformedAsync(error, source, connection: null).ConfigureAwait(false);
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // The parser never throws on bad input, so this is a bug; it must still cost one datagram only.
                    Counters.MalformedWasDropped();
                    LogProcessingFailed(_logger, source, exception);
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException && stopping.IsCancellationRequested)
        {
            // Stopping: disposing the socket ends the pending receive.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task AcceptConnectionsAsync(Socket listener, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptAsync(stopping).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException || stopping.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException exception) when (exception.SocketErrorCode is SocketError.ConnectionAborted or SocketError.ConnectionReset)
            {
                continue;
            }
            catch (SocketException exception)
            {
                // Out of descriptors and the like: back off instead of spinning on the error.
                LogAcceptFailed(_logger, exception);
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(100), _timeProvider, stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                continue;
            }

            try
            {
                if (_connections.Count >= _options.MaxTcpConnections)
                {
                    Counters.ConnectionRejected();
                    LogConnectionRejected(_logger, socket.RemoteEndPoint, _options.MaxTcpConnections);
                    socket.Dispose();
                }
                else
                {
                    Register(socket, outbound: false);
                }
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException or SipTransportException)
            {
                // Reset before it could be registered, or the transport is stopping.
                socket.Dispose();
            }
        }
    }

    private SipTcpConnection Register(Socket socket, bool outbound)
    {
        socket.NoDelay = true;
        var connection = new SipTcpConnection(Interlocked.Increment(ref _lastConnectionId), socket, outbound, _options.TcpReceiveBufferSize, _timeProvider);
        _connections[connection.Id] = connection;
        _connectionsByRemote[connection.Remote] = connection;
        Counters.ConnectionOpened();
        if (_stopping.IsCancellationRequested)
        {
            // DisposeAsync may already have closed the others; this one must not outlive it.
            CloseConnection(connection, "transport stopped");
            throw new SipTransportException("The SIP transport is stopping.");
        }

        LogConnectionOpened(_logger, connection.Id, outbound ? "to" : "from", connection.Remote);
        connection.Completion = Task.Run(() => ReadConnectionAsync(connection, _stopping), CancellationToken.None);
        return connection;
    }

    private async Task ReadConnectionAsync(SipTcpConnection connection, CancellationToken stopping)
    {
        var reason = "closed by the peer";
        var input = connection.Input;
        try
        {
            while (true)
            {
                var result = await input.ReadAsync(stopping).ConfigureAwait(false);
                connection.Touch();
                var buffer = result.Buffer;
                while (!buffer.IsEmpty)
                {
                    var frame = _framer.Read(buffer);
                    if (frame.Status == SipFrameStatus.NeedMoreData)
                    {
                        break;
                    }

                    if (frame.Status == SipFrameStatus.Error)
                    {
                        // RFC 3261 §18.3: a stream that cannot be framed cannot be resynchronised; close it.
                        var error = frame.Error!;
                        if (error.Kind == SipParseErrorKind.MessageTooLarge)
                        {
                            Counters.OversizeSeen();
                        }
                        else
                        {
                            Counters.MalformedWasDropped();
                        }

                        reason = Sanitize(error.Reason);
                        LogFramingFailed(_logger, connection.Id, connection.Remote, reason);
                        return;
                    }

                    if (frame.Status == SipFrameStatus.KeepAlive)
                    {
                        if (frame.PongRequired)
                        {
                            // RFC 5626 §3.5.1: a double-CRLF ping is answered with a single CRLF pong.
                            await connection.WriteAsync(Pong, stopping).ConfigureAwait(false);
                        }
                    }
                    else
                    {
                        await ReceiveFramedAsync(connection, frame.Message).ConfigureAwait(false);
                    }

                    buffer = buffer.Slice(frame.Consumed);
                }

                input.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted || result.IsCanceled)
                {
                    reason = buffer.IsEmpty ? "closed by the peer" : "closed by the peer in the middle of a message";
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            reason = "transport stopped";
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            reason = exception.Message;
        }
        catch (Exception exception)
        {
            LogConnectionFailed(_logger, connection.Id, connection.Remote, exception);
            reason = "internal error";
        }
        finally
        {
            await input.CompleteAsync().ConfigureAwait(false);
            CloseConnection(connection, reason);
        }
    }

    private async ValueTask ReceiveFramedAsync(SipTcpConnection connection, ReadOnlySequence<byte> data)
    {
        var source = connection.RemoteEndPoint;
        try
        {
            if (SipParser.TryParse(data, _parserOptions, out var message, out var error))
            {
                // Awaited: a connection's messages reach the receiver in the order they were sent.
                await DeliverAsync(Accept(message, source, connection.LocalEndPoint)).ConfigureAwait(false);
            }
            else
            {
                await AnswerMalformedAsync(error, source, connection).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is not (OperationCanceledException or IOException or SocketException or ObjectDisposedException))
        {
            Counters.MalformedWasDropped();
            LogProcessingFailed(_logger, source, exception);
        }
    }

    private IncomingSipMessage Accept(SipMessage message, SipEndPoint source, SipEndPoint local)
    {
        if (message is SipRequest request && request.Vias.Count > 0)
        {
            // RFC 3261 §18.2.1, RFC 3581 §4: record where the request really came from, for the response.
            var top = request.Vias[0];
            var stamped = SipResponseRouting.StampArrival(top, source.Address);
            if (!ReferenceEquals(stamped, top))
            {
                request.ReplaceTopVia(stamped);
            }
        }

        Counters.MessageReceived();
        return new IncomingSipMessage(message, source, local);
    }

    // A datagram's receiver is not awaited when it goes asynchronous, so one slow message cannot hold up the rest.
    private void DeliverWithoutWaiting(IncomingSipMessage incoming)
    {
        var delivery = DeliverAsync(incoming);
        if (!delivery.IsCompleted)
        {
            _ = delivery.AsTask();
        }
    }

    private async ValueTask DeliverAsync(IncomingSipMessage incoming)
    {
        try
        {
            await _receiver!(incoming).ConfigureAwait(false);
        }
        catch (Exception exception) when (!_stopping.IsCancellationRequested)
        {
            Counters.ReceiverFailed();
            LogReceiverFailed(_logger, incoming.Source, exception);
        }
        catch (Exception)
        {
            // Stopping: the receiver was cancelled along with everything else.
        }
    }

    private async ValueTask AnswerMalformedAsync(SipParseError error, SipEndPoint source, SipTcpConnection? connection)
    {
        if (error.Kind == SipParseErrorKind.Empty)
        {
            // Line breaks alone are a keep-alive (RFC 5626 §3.5.1), not a message.
            return;
        }

        var reason = Sanitize(error.Reason);
        if (error.PartialRequest is not { } request)
        {
            // Responses and ACKs are never answered (RFC 3261 §17.1.1.3, §18.1.2); nor is a request without a usable Via.
            Counters.MalformedWasDropped();
            LogMalformedDropped(_logger, source, reason);
            return;
        }

        var top = SipResponseRouting.StampArrival(request.Vias[0], source.Address);
        var response = SipResponseFactory.CreateResponse(request, error.StatusCode, reason.Length > 0 ? reason : null);
        response.ReplaceTopVia(top);
        try
        {
            using var buffer = new PooledBufferWriter();
            response.WriteTo(buffer);
            if (connection is not null)
            {
                // Only on the connection the request came on: a malformed request never makes us open one.
                await WriteAsync(connection, buffer.WrittenMemory, _stopping).ConfigureAwait(false);
            }
            else
            {
                var destination = SipResponseRouting.ResponseDestination(top, source);
                await SendDatagramAsync(buffer.WrittenMemory, destination.Address, _stopping).ConfigureAwait(false);
            }

            Counters.MessageSent();
            Counters.MalformedWasAnswered();
            LogMalformedAnswered(_logger, source, error.StatusCode, reason);
        }
        catch (SipTransportException exception)
        {
            Counters.MalformedWasDropped();
            LogAnswerFailed(_logger, error.StatusCode, source, exception);
        }
    }

    private async ValueTask SendDatagramAsync(ReadOnlyMemory<byte> datagram, IPEndPoint destination, CancellationToken cancellationToken)
    {
        var socket = _udpSocket ?? throw new SipTransportException("The SIP transport is not running.");
        try
        {
            await socket.SendToAsync(datagram, SocketFlags.None, destination, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException exception)
        {
            throw new SipTransportException($"Sending to UDP {destination} failed: {exception.SocketErrorCode}.", exception);
        }
        catch (ObjectDisposedException exception)
        {
            throw new SipTransportException("The SIP transport is stopped.", exception);
        }
    }

    private async ValueTask WriteAsync(SipTcpConnection connection, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        try
        {
            await connection.WriteAsync(data, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (connection.WriteInterrupted)
        {
            // Part of a message may have gone out; the peer can no longer frame the stream.
            CloseConnection(connection, "send cancelled");
            throw;
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException)
        {
            CloseConnection(connection, "send failed");
            throw new SipTransportException($"Sending over TCP connection {connection.Id} to {connection.Remote} failed.", exception);
        }
    }

    private async ValueTask<SipTcpConnection> FindOrOpenConnectionAsync(SipMessage message, SipEndPoint destination, CancellationToken cancellationToken)
    {
        var remote = SipResponseRouting.Normalize(destination.Address);
        if (destination.ConnectionId is { } id)
        {
            if (_connections.TryGetValue(id, out var open) && !open.IsClosed)
            {
                return open;
            }

            if (message is SipResponse response && response.Vias.Count > 0)
            {
                // RFC 3261 §18.2.2: the request's connection is gone; open one to received (else sent-by) at the sent-by port.
                remote = SipResponseRouting.ViaDestination(response.Vias[0], SipTransportKind.Tcp, remote).Address;
            }
        }

        if (_connectionsByRemote.TryGetValue(remote, out var existing) && !existing.IsClosed)
        {
            return existing;
        }

        var opening = _connecting.GetOrAdd(remote, target => new Lazy<Task<SipTcpConnection>>(() => ConnectAsync(target)));
        try
        {
            return await opening.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _connecting.TryRemove(KeyValuePair.Create(remote, opening));
        }
    }

    private async Task<SipTcpConnection> ConnectAsync(IPEndPoint remote)
    {
        if (_connections.Count >= _options.MaxTcpConnections)
        {
            throw new SipTransportException($"Cannot connect to {remote}: {_options.MaxTcpConnections} TCP connections are open.");
        }

        var socket = new Socket(remote.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        using var timeout = new CancellationTokenSource(_options.TcpConnectTimeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, _stopping);
        try
        {
            if (!IsWildcard(_listenAddress) && _listenAddress.AddressFamily == remote.AddressFamily)
            {
                // The peer sees the address our Via and Contact advertise.
                socket.Bind(new IPEndPoint(_listenAddress, 0));
            }

            await socket.ConnectAsync(remote, linked.Token).ConfigureAwait(false);
            return Register(socket, outbound: true);
        }
        catch (OperationCanceledException exception)
        {
            socket.Dispose();
            throw new SipTransportException(
                timeout.IsCancellationRequested ? $"Connecting to TCP {remote} timed out." : "The SIP transport is stopping.", exception);
        }
        catch (SocketException exception)
        {
            socket.Dispose();
            throw new SipTransportException($"Connecting to TCP {remote} failed: {exception.SocketErrorCode}.", exception);
        }
    }

    private void CloseIdleConnections()
    {
        foreach (var connection in _connections.Values)
        {
            if (connection.IsIdleFor(_options.TcpIdleTimeout))
            {
                CloseConnection(connection, "idle");
            }
        }
    }

    private void CloseConnection(SipTcpConnection connection, string reason)
    {
        if (!connection.Close())
        {
            return;
        }

        _connections.TryRemove(connection.Id, out _);
        _connectionsByRemote.TryRemove(KeyValuePair.Create(connection.Remote, connection));
        Counters.ConnectionClosed();
        LogConnectionClosed(_logger, connection.Id, connection.Remote, reason);
    }

    /// <summary>A parse error's reason made fit for a reason phrase: one line of printable text (RFC 3261 §25.1), short.</summary>
    internal static string Sanitize(string reason)
    {
        const int MaxLength = 120;
        var builder = new StringBuilder(Math.Min(reason.Length, MaxLength));
        foreach (var c in reason.AsSpan(0, Math.Min(reason.Length, MaxLength)))
        {
            builder.Append(char.IsControl(c) ? ' ' : c);
        }

        return builder.ToString().Trim();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SIP listening on UDP and TCP {LocalEndPoint}, advertising {AdvertisedAddress}")]
    private static partial void LogListening(ILogger logger, IPEndPoint localEndPoint, string advertisedAddress);

    [LoggerMessage(Level = LogLevel.Information, Message = "SIP transport stopped")]
    private static partial void LogStopped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Dropped malformed SIP message from {Source}: {Reason}")]
    private static partial void LogMalformedDropped(ILogger logger, SipEndPoint source, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Answered malformed SIP request from {Source} with {StatusCode}: {Reason}")]
    private static partial void LogMalformedAnswered(ILogger logger, SipEndPoint source, int statusCode, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not send {StatusCode} for a malformed request from {Source}")]
    private static partial void LogAnswerFailed(ILogger logger, int statusCode, SipEndPoint source, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Dropped {Length}-byte datagram from {Source}: over the {Limit}-byte limit")]
    private static partial void LogOversizeDatagram(ILogger logger, int length, SipEndPoint source, int limit);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Closing TCP connection {ConnectionId} with {Remote}: {Reason}")]
    private static partial void LogFramingFailed(ILogger logger, long connectionId, IPEndPoint remote, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Processing a SIP message from {Source} failed")]
    private static partial void LogProcessingFailed(ILogger logger, SipEndPoint source, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The SIP receiver failed on a message from {Source}")]
    private static partial void LogReceiverFailed(ILogger logger, SipEndPoint source, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SIP {Transport} receive failed")]
    private static partial void LogReceiveFailed(ILogger logger, SipTransportKind transport, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Accepting a SIP TCP connection failed")]
    private static partial void LogAcceptFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "TCP connection {ConnectionId} {Direction} {Remote} open")]
    private static partial void LogConnectionOpened(ILogger logger, long connectionId, string direction, IPEndPoint remote);

    [LoggerMessage(Level = LogLevel.Debug, Message = "TCP connection {ConnectionId} with {Remote} closed: {Reason}")]
    private static partial void LogConnectionClosed(ILogger logger, long connectionId, IPEndPoint remote, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Refused TCP connection from {Remote}: {Limit} connections are open")]
    private static partial void LogConnectionRejected(ILogger logger, EndPoint? remote, int limit);

    [LoggerMessage(Level = LogLevel.Error, Message = "TCP connection {ConnectionId} with {Remote} failed")]
    private static partial void LogConnectionFailed(ILogger logger, long connectionId, IPEndPoint remote, Exception exception);
}
