namespace CallMyWay.Voice.Telephony.Sip.Transactions;

/// <summary>What the transaction layer has done since it started, for the host to expose as metrics; safe to read at any time.</summary>
public sealed class TransactionCounters
{
    private long _activeServer;
    private long _activeClient;
    private long _serverCreated;
    private long _clientCreated;
    private long _retransmissions;
    private long _requestsAbsorbed;
    private long _responsesAbsorbed;
    private long _strayResponsesDropped;
    private long _straySuccessPassed;
    private long _timeouts;
    private long _transportErrors;
    private long _unmatchedCancels;
    private long _tooManyHops;
    private long _userFailures;

    /// <summary>Server transactions alive now.</summary>
    public long ActiveServerTransactions => Volatile.Read(ref _activeServer);

    /// <summary>Client transactions alive now.</summary>
    public long ActiveClientTransactions => Volatile.Read(ref _activeClient);

    /// <summary>Server transactions created, CANCEL transactions included.</summary>
    public long ServerTransactionsCreated => Volatile.Read(ref _serverCreated);

    /// <summary>Client transactions created, CANCEL transactions included.</summary>
    public long ClientTransactionsCreated => Volatile.Read(ref _clientCreated);

    /// <summary>Messages sent again: requests on Timers A and E, responses on Timer G or on a retransmitted
    /// request, ACKs on a retransmitted final response.</summary>
    public long RetransmissionsSent => Volatile.Read(ref _retransmissions);

    /// <summary>Retransmitted requests (and ACKs for non-2xx) that a server transaction absorbed instead of
    /// passing them to the TU.</summary>
    public long RequestsAbsorbed => Volatile.Read(ref _requestsAbsorbed);

    /// <summary>Retransmitted responses that a client transaction absorbed.</summary>
    public long ResponsesAbsorbed => Volatile.Read(ref _responsesAbsorbed);

    /// <summary>Responses that matched no client transaction and were dropped (RFC 6026 §8.9).</summary>
    public long StrayResponsesDropped => Volatile.Read(ref _strayResponsesDropped);

    /// <summary>2xx responses to INVITE that matched no client transaction and went to the TU.</summary>
    public long StraySuccessResponsesPassed => Volatile.Read(ref _straySuccessPassed);

    /// <summary>Transactions that ended on a timeout (Timers B, F, H, or no final response after a CANCEL).</summary>
    public long Timeouts => Volatile.Read(ref _timeouts);

    /// <summary>Sends the transport refused.</summary>
    public long TransportErrors => Volatile.Read(ref _transportErrors);

    /// <summary>CANCELs answered 481 because no transaction matched.</summary>
    public long UnmatchedCancels => Volatile.Read(ref _unmatchedCancels);

    /// <summary>Requests answered 483 because Max-Forwards was 0.</summary>
    public long TooManyHops => Volatile.Read(ref _tooManyHops);

    /// <summary>Times the TU threw; each is a bug in the layer above.</summary>
    public long UserFailures => Volatile.Read(ref _userFailures);

    internal void ServerStarted()
    {
        Interlocked.Increment(ref _serverCreated);
        Interlocked.Increment(ref _activeServer);
    }

    internal void ServerEnded() => Interlocked.Decrement(ref _activeServer);

    internal void ClientStarted()
    {
        Interlocked.Increment(ref _clientCreated);
        Interlocked.Increment(ref _activeClient);
    }

    internal void ClientEnded() => Interlocked.Decrement(ref _activeClient);

    internal void RetransmissionSent() => Interlocked.Increment(ref _retransmissions);

    internal void RequestAbsorbed() => Interlocked.Increment(ref _requestsAbsorbed);

    internal void ResponseAbsorbed() => Interlocked.Increment(ref _responsesAbsorbed);

    internal void StrayResponseDropped() => Interlocked.Increment(ref _strayResponsesDropped);

    internal void StraySuccessPassed() => Interlocked.Increment(ref _straySuccessPassed);

    internal void TimedOut() => Interlocked.Increment(ref _timeouts);

    internal void TransportErrorSeen() => Interlocked.Increment(ref _transportErrors);

    internal void CancelUnmatched() => Interlocked.Increment(ref _unmatchedCancels);

    internal void TooManyHopsAnswered() => Interlocked.Increment(ref _tooManyHops);

    internal void UserFailed() => Interlocked.Increment(ref _userFailures);
}
