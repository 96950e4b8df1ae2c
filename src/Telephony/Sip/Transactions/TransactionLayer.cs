using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using CallMyWay.Voice.Telephony.Sip.Messages;
using CallMyWay.Voice.Telephony.Sip.Transport;
using Microsoft.Extensions.Logging;

namespace CallMyWay.Voice.Telephony.Sip.Transactions;

/// <summary>
/// The SIP transaction layer (RFC 3261 §17): matches every message from the transport to its transaction, creates
/// server transactions for new requests and hands them to the TU, runs client transactions for the TU's requests,
/// and answers what needs no TU (CANCEL, 481, 483). All transactions share one <see cref="TransactionScheduler"/>.
/// </summary>
/// <remarks>
/// Wiring: <c>await layer.StartAsync(transactionUser, ct)</c>, which starts the transport with
/// <see cref="OnMessageAsync"/> as its receiver. Safe for concurrent use; every transaction serializes its own events.
/// </remarks>
public sealed partial class TransactionLayer : IAsyncDisposable
{
    private readonly ISipTransport _transport;
    private readonly TransactionLayerOptions _options;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<ServerTransactionKey, ServerTransaction> _servers = new();
    private readonly ConcurrentDictionary<LegacyTransactionKey, ServerTransaction> _legacyServers = new();
    private readonly ConcurrentDictionary<ClientTransactionKey, ClientTransaction> _clients = new();
    private ISipTransactionUser? _user;
    private int _disposed;

    /// <summary>Creates the layer over a transport; nothing runs until <see cref="StartAsync"/>.</summary>
    public TransactionLayer(ISipTransport transport, TimeProvider timeProvider, ILogger<TransactionLayer> logger, TransactionLayerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        _transport = transport;
        _options = options ?? new TransactionLayerOptions();
        var errors = _options.Timers.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid SIP timers: " + string.Join(" ", errors), nameof(options));
        }

        Logger = logger;
        Timers = _options.Timers;
        Scheduler = new TransactionScheduler(timeProvider);
        StoppingToken = _stopping.Token;
    }

    /// <summary>The timer values in use.</summary>
    public SipTimers Timers { get; }

    /// <summary>What the layer has done so far.</summary>
    public TransactionCounters Counters { get; } = new();

    /// <summary>The one scheduler every transaction's timers run on; the dialog layer schedules its 2xx
    /// retransmissions (RFC 3261 §13.3.1.4) here too rather than creating timers of its own.</summary>
    public TransactionScheduler Scheduler { get; }

    internal ISipTransport Transport => _transport;

    internal ILogger Logger { get; }

    internal CancellationToken StoppingToken { get; }

    /// <summary>Attaches the TU and starts the transport with <see cref="OnMessageAsync"/> as its receiver.</summary>
    public Task StartAsync(ISipTransactionUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (Interlocked.CompareExchange(ref _user, user, null) is not null)
        {
            throw new InvalidOperationException("The transaction layer has already been started.");
        }

        return _transport.StartAsync(OnMessageAsync, cancellationToken);
    }

    /// <summary>The transport's receiver: one parsed message, called concurrently.</summary>
    public ValueTask OnMessageAsync(IncomingSipMessage incoming)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        var user = Volatile.Read(ref _user) ?? throw new InvalidOperationException("The transaction layer has not been started.");
        if (Volatile.Read(ref _disposed) != 0)
        {
            return ValueTask.CompletedTask;
        }

        return incoming.Message switch
        {
            SipRequest { Vias.Count: 0 } => ValueTask.CompletedTask,
            SipRequest request when request.Method == SipMethod.Ack => OnAckAsync(request, incoming.Source, user),
            SipRequest request when request.Method == SipMethod.Cancel => OnCancelAsync(request, incoming, user),
            SipRequest request => OnRequestAsync(request, incoming, user),
            SipResponse response => OnResponseAsync(response, incoming.Source, user),
            _ => ValueTask.CompletedTask,
        };
    }

    /// <summary>
    /// Sends a request in a new client transaction: an INVITE gets a <see cref="ClientInviteTransaction"/>, anything
    /// else a <see cref="ClientNonInviteTransaction"/>. The layer makes the request's only Via its own, with a fresh
    /// branch and <c>rport</c> (RFC 3261 §8.1.1.7, RFC 3581 §3), and adds Max-Forwards: 70 when absent; the request is
    /// changed in place. A request re-sent after a challenge is a new transaction and gets a new branch.
    /// </summary>
    /// <remarks>A failure to send does not throw: the transaction ends with a 503 (<see cref="TransactionOutcome.TransportFailed"/>).</remarks>
    public ValueTask<ClientTransaction> SendRequestAsync(SipRequest request, SipEndPoint destination)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Method == SipMethod.Ack)
        {
            throw new ArgumentException("An ACK is not a transaction; send it with SendAckAsync.", nameof(request));
        }

        if (request.Method == SipMethod.Cancel)
        {
            throw new ArgumentException("A CANCEL belongs to its INVITE; send it with ClientInviteTransaction.CancelAsync.", nameof(request));
        }

        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        request.Headers.Remove(SipHeaderNames.Via);
        request.Headers.Prepend(SipHeaderNames.Via, CreateVia(destination).ToString());
        request.MaxForwards ??= 70;
        return StartClientTransactionAsync(request, destination);
    }

    /// <summary>Sends an INVITE in a new <see cref="ClientInviteTransaction"/> (see <see cref="SendRequestAsync"/>).</summary>
    public async ValueTask<ClientInviteTransaction> SendInviteAsync(SipRequest invite, SipEndPoint destination)
    {
        ArgumentNullException.ThrowIfNull(invite);
        if (invite.Method != SipMethod.Invite)
        {
            throw new ArgumentException($"A {invite.Method} is not an INVITE.", nameof(invite));
        }

        return (ClientInviteTransaction)await SendRequestAsync(invite, destination).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends the ACK for a 2xx, which is no transaction's (RFC 3261 §13.2.2.4, §17.1.1.3): the TU builds it and resends
    /// it for every 2xx retransmission. Without a Via it gets one with a fresh branch, kept on resends. Transport
    /// failures are thrown as <see cref="SipTransportException"/>.
    /// </summary>
    public ValueTask SendAckAsync(SipRequest ack, SipEndPoint destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ack);
        if (ack.Method != SipMethod.Ack)
        {
            throw new ArgumentException($"A {ack.Method} is not an ACK.", nameof(ack));
        }

        if (!ack.Headers.Contains(SipHeaderNames.Via))
        {
            ack.Headers.Prepend(SipHeaderNames.Via, CreateVia(destination).ToString());
        }

        ack.MaxForwards ??= 70;
        return _transport.SendAsync(ack, destination, cancellationToken);
    }

    /// <summary>Stops every timer and ends the transactions still running with <see cref="TransactionOutcome.Aborted"/>.
    /// The transport is not disposed: it belongs to whoever created it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        foreach (var transaction in _servers.Values)
        {
            transaction.Abort();
        }

        foreach (var transaction in _legacyServers.Values)
        {
            transaction.Abort();
        }

        foreach (var transaction in _clients.Values)
        {
            transaction.Abort();
        }

        Scheduler.Dispose();
        _stopping.Dispose();
    }

    /// <summary>Starts a client transaction for a request that already carries its Via (a CANCEL shares its INVITE's).</summary>
    internal async ValueTask<ClientTransaction> StartClientTransactionAsync(SipRequest request, SipEndPoint destination)
    {
        ClientTransaction transaction = request.Method == SipMethod.Invite
            ? new ClientInviteTransaction(this, request, destination)
            : new ClientNonInviteTransaction(this, request, destination);
        if (!_clients.TryAdd(transaction.Key, transaction))
        {
            throw new InvalidOperationException($"A client transaction for branch {transaction.Key.Branch} and {transaction.Key.Method} already exists.");
        }

        Counters.ClientStarted();
        await transaction.StartAsync().ConfigureAwait(false);
        return transaction;
    }

    /// <summary>Forgets a terminated transaction (the entry action of Terminated), so that nothing matches it any more.</summary>
    internal void OnTerminated(SipTransaction transaction)
    {
        switch (transaction)
        {
            case ServerTransaction server:
                var removed = server.Key is { } key
                    ? _servers.TryRemove(new KeyValuePair<ServerTransactionKey, ServerTransaction>(key, server))
                    : server.LegacyKey is { } legacy && _legacyServers.TryRemove(new KeyValuePair<LegacyTransactionKey, ServerTransaction>(legacy, server));
                if (removed)
                {
                    Counters.ServerEnded();
                }

                break;
            case ClientTransaction client:
                if (_clients.TryRemove(new KeyValuePair<ClientTransactionKey, ClientTransaction>(client.Key, client)))
                {
                    Counters.ClientEnded();
                }

                break;
        }
    }

    private async ValueTask OnRequestAsync(SipRequest request, IncomingSipMessage incoming, ISipTransactionUser user)
    {
        var transaction = FindOrCreateServer(request, incoming, out var created);
        if (!created)
        {
            await transaction.OnRetransmissionAsync().ConfigureAwait(false);
            return;
        }

        if (request.MaxForwards == 0 && request.Method != SipMethod.Options)
        {
            // RFC 3261 §16.3 step 3: no hops left. OPTIONS is the exception: the TU answers it (§11).
            Counters.TooManyHopsAnswered();
            await RespondQuietlyAsync(transaction, transaction.CreateResponse(483)).ConfigureAwait(false);
            return;
        }

        try
        {
            await user.OnRequestAsync(transaction).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !StoppingToken.IsCancellationRequested)
        {
            Counters.UserFailed();
            LogUserFailed(Logger, request.Method.Name, exception);
            if (!transaction.HasFinalResponse && transaction.TryCreateResponse(500) is { } failure)
            {
                await RespondQuietlyAsync(transaction, failure).ConfigureAwait(false);
            }
        }
    }

    private async ValueTask OnAckAsync(SipRequest ack, SipEndPoint source, ISipTransactionUser user)
    {
        // RFC 3261 §17.2.3: an ACK matches the INVITE transaction whose non-2xx it acknowledges; the ACK for a 2xx
        // carries a new branch (§17.1.1.3), matches nothing and belongs to the TU, as does one matching an Accepted
        // transaction (RFC 6026 §7.1).
        if (FindServer(ack, SipMethod.Invite.Name, isAck: true) is ServerInviteTransaction invite && !invite.OnAck())
        {
            Counters.RequestAbsorbed();
            return;
        }

        try
        {
            await user.OnAckAsync(ack, source).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !StoppingToken.IsCancellationRequested)
        {
            Counters.UserFailed();
            LogUserFailed(Logger, ack.Method.Name, exception);
        }
    }

    private async ValueTask OnCancelAsync(SipRequest cancel, IncomingSipMessage incoming, ISipTransactionUser user)
    {
        // A CANCEL is a non-INVITE transaction of its own (RFC 3261 §9.2): retransmissions get its response again.
        var transaction = FindOrCreateServer(cancel, incoming, out var created);
        if (!created)
        {
            await transaction.OnRetransmissionAsync().ConfigureAwait(false);
            return;
        }

        // §9.2: the transaction cancelled is the one the CANCEL would match were its method not CANCEL; only an
        // INVITE is worth cancelling (§9.1), so that is the one looked for.
        if (FindServer(cancel, SipMethod.Invite.Name, isAck: false) is not ServerInviteTransaction invite)
        {
            Counters.CancelUnmatched();
            await RespondQuietlyAsync(transaction, transaction.CreateResponse(481)).ConfigureAwait(false);
            return;
        }

        // §9.2: the 200 carries the To tag of the INVITE's responses.
        var tag = invite.ResponseToTag ?? invite.LocalTag;
        await RespondQuietlyAsync(transaction, SipResponseFactory.CreateResponse(cancel, 200, toTag: tag)).ConfigureAwait(false);
        try
        {
            if (invite.OnCancel(cancel))
            {
                await user.OnCancelAsync(invite, cancel).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !StoppingToken.IsCancellationRequested)
        {
            Counters.UserFailed();
            LogUserFailed(Logger, cancel.Method.Name, exception);
        }
    }

    private async ValueTask OnResponseAsync(SipResponse response, SipEndPoint source, ISipTransactionUser user)
    {
        if (ClientTransactionKey.TryCreate(response, out var key) && _clients.TryGetValue(key, out var transaction))
        {
            await transaction.OnResponseAsync(response).ConfigureAwait(false);
            return;
        }

        if (response.IsSuccess && response.CSeq.Method == SipMethod.Invite)
        {
            Counters.StraySuccessPassed();
            try
            {
                await user.OnStrayInviteSuccessAsync(response, source).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !StoppingToken.IsCancellationRequested)
            {
                Counters.UserFailed();
                LogUserFailed(Logger, "2xx", exception);
            }

            return;
        }

        // RFC 6026 §8.9: a response that matches no transaction is discarded.
        Counters.StrayResponseDropped();
        LogStrayResponse(Logger, response.StatusCode, response.CSeq.Method.Name, source);
    }

    /// <summary>The server transaction <paramref name="request"/> belongs to, created (and, for an INVITE, started)
    /// when there is none; <paramref name="created"/> tells whether it is new.</summary>
    private ServerTransaction FindOrCreateServer(SipRequest request, IncomingSipMessage incoming, out bool created)
    {
        created = false;
        var method = request.Method.Name;
        if (FindServer(request, method, isAck: false) is { } existing)
        {
            return existing;
        }

        var destination = _options.ResponseDestination?.Invoke(request, incoming.Source) ?? incoming.Source;
        ServerTransaction transaction;
        if (ServerTransactionKey.TryCreate(request, method, out var key))
        {
            transaction = NewServer(request, incoming, destination, key, legacyKey: null);
            if (!_servers.TryAdd(key, transaction))
            {
                // The same request arrived twice at once; the other copy created the transaction.
                return _servers.TryGetValue(key, out var winner) ? winner : FindOrCreateServer(request, incoming, out created);
            }
        }
        else
        {
            var legacyKey = LegacyTransactionKey.Create(request, method);
            transaction = NewServer(request, incoming, destination, key: null, legacyKey);
            if (!_legacyServers.TryAdd(legacyKey, transaction))
            {
                return _legacyServers.TryGetValue(legacyKey, out var winner) ? winner : FindOrCreateServer(request, incoming, out created);
            }
        }

        created = true;
        Counters.ServerStarted();
        (transaction as ServerInviteTransaction)?.Start();
        return transaction;
    }

    private ServerTransaction NewServer(SipRequest request, IncomingSipMessage incoming, SipEndPoint destination, ServerTransactionKey? key, LegacyTransactionKey? legacyKey) =>
        request.Method == SipMethod.Invite
            ? new ServerInviteTransaction(this, request, incoming.Source, incoming.Local, destination) { Key = key, LegacyKey = legacyKey }
            : new ServerNonInviteTransaction(this, request, incoming.Source, incoming.Local, destination) { Key = key, LegacyKey = legacyKey };

    /// <summary>
    /// RFC 3261 §17.2.3 matching under <paramref name="method"/>: by top Via branch, sent-by and method for RFC 3261
    /// requests; by Request-URI, From tag, Call-ID, CSeq, top Via and To tag for RFC 2543 ones, where the To tag of
    /// an ACK is the one the transaction's response carried.
    /// </summary>
    private ServerTransaction? FindServer(SipRequest request, string method, bool isAck)
    {
        if (ServerTransactionKey.TryCreate(request, method, out var key))
        {
            return _servers.TryGetValue(key, out var transaction) ? transaction : null;
        }

        if (!_legacyServers.TryGetValue(LegacyTransactionKey.Create(request, method), out var legacy))
        {
            return null;
        }

        var expectedTag = isAck ? (legacy as ServerInviteTransaction)?.ResponseToTag : legacy.RequestToTag;
        return string.Equals(request.To.Tag, expectedTag, StringComparison.Ordinal) ? legacy : null;
    }

    private static async ValueTask RespondQuietlyAsync(ServerTransaction transaction, SipResponse response)
    {
        try
        {
            await transaction.RespondAsync(response).ConfigureAwait(false);
        }
        catch (SipTransportException)
        {
            // Already counted, logged and fed to the transaction's state machine.
        }
    }

    /// <summary>Our Via for a request to <paramref name="destination"/>: the transport's local port, the sent-by host
    /// from <see cref="TransactionLayerOptions.SentByHost"/>, a new branch and an empty rport (RFC 3581 §3).</summary>
    private ViaHeader CreateVia(SipEndPoint destination)
    {
        SipEndPoint? local = null;
        foreach (var candidate in _transport.LocalEndPoints)
        {
            if (candidate.Transport == destination.Transport)
            {
                local = candidate;
                break;
            }
        }

        if (local is not { } bound)
        {
            throw new InvalidOperationException($"The transport does not listen on {destination.Transport}.");
        }

        var host = _options.SentByHost?.Invoke(destination) ?? DefaultSentByHost(bound.Address.Address, destination.Address.Address);
        var transport = destination.Transport == SipTransportKind.Tcp ? "TCP" : "UDP";
        return new ViaHeader(transport, host, bound.Address.Port, SipIdentifiers.NewBranch()).WithParameter("rport", null);
    }

    private static string DefaultSentByHost(IPAddress local, IPAddress destination)
    {
        if (!local.Equals(IPAddress.Any) && !local.Equals(IPAddress.IPv6Any))
        {
            return (local.IsIPv4MappedToIPv6 ? local.MapToIPv4() : local).ToString();
        }

        // Listening on every interface: connecting a datagram socket sends nothing, it only asks the routing table
        // which local address would face the destination.
        destination = destination.IsIPv4MappedToIPv6 ? destination.MapToIPv4() : destination;
        using var probe = new Socket(destination.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        probe.Connect(new IPEndPoint(destination, 5060));
        var address = ((IPEndPoint)probe.LocalEndPoint!).Address;
        return new IPAddress(address.GetAddressBytes()).ToString();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The transaction user failed on a {Method}")]
    private static partial void LogUserFailed(ILogger logger, string method, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Dropped a {StatusCode} response to {Method} from {Source} that matches no transaction")]
    private static partial void LogStrayResponse(ILogger logger, int statusCode, string method, SipEndPoint source);

    [LoggerMessage(Level = LogLevel.Information, Message = "Could not send {Message} to {Destination}")]
    internal static partial void LogSendFailed(ILogger logger, string message, SipEndPoint destination, Exception exception);
}
