using CallMyWay.Voice.Telephony.Sip.Messages;
using CallMyWay.Voice.Telephony.Sip.Transport;

namespace CallMyWay.Voice.Telephony.Sip.Transactions;

/// <summary>
/// The INVITE client transaction of RFC 3261 §17.1.1 with the Accepted state of RFC 6026 §7.2: retransmits the INVITE
/// over UDP on Timer A (doubling, no cap) until a response, gives up on Timer B (408 to the TU), ACKs a 300-699 itself
/// and re-ACKs its retransmissions until Timer D, and after a 2xx stays Accepted for Timer M passing every 2xx
/// (retransmissions, forks) to the TU, which sends the ACK for 2xx itself (RFC 3261 §13.2.2.4).
/// </summary>
public sealed class ClientInviteTransaction : ClientTransaction
{
    private static readonly Action<object?> OnTimerACallback = static transaction => ((ClientInviteTransaction)transaction!).OnTimerA();
    private static readonly Action<object?> OnTimerBCallback = static transaction => ((ClientInviteTransaction)transaction!).OnTimerB();
    private static readonly Action<object?> OnTimerCCallback = static transaction => ((ClientInviteTransaction)transaction!).OnTimerC();
    private static readonly Action<object?> OnTimerDCallback = static transaction => ((ClientInviteTransaction)transaction!).OnTimerD();
    private static readonly Action<object?> OnTimerMCallback = static transaction => ((ClientInviteTransaction)transaction!).OnTimerM();
    private static readonly Action<object?> OnCancelTimeoutCallback = static transaction => ((ClientInviteTransaction)transaction!).OnCancelTimeout();
    private ClientInviteState _state = ClientInviteState.Calling;
    private ScheduledCallback? _timerA;
    private ScheduledCallback? _timerB;
    private ScheduledCallback? _timerC;
    private ScheduledCallback? _timerD;
    private ScheduledCallback? _timerM;
    private ScheduledCallback? _cancelTimeout;
    private TimeSpan _timerAInterval;
    private SipRequest? _ack;
    private bool _cancelWanted;
    private bool _cancelSent;
    private volatile ClientNonInviteTransaction? _cancelTransaction;

    internal ClientInviteTransaction(TransactionLayer layer, SipRequest invite, SipEndPoint destination)
        : base(layer, invite, destination)
    {
    }

    /// <summary>The current state.</summary>
    public ClientInviteState State
    {
        get
        {
            lock (Gate)
            {
                return _state;
            }
        }
    }

    /// <summary>The ACK the transaction sent for a 300-699 response, or null.</summary>
    public SipRequest? Ack
    {
        get
        {
            lock (Gate)
            {
                return _ack;
            }
        }
    }

    /// <summary>The transaction of the CANCEL sent for this INVITE, once sent.</summary>
    public ClientNonInviteTransaction? CancelTransaction => _cancelTransaction;

    /// <summary>
    /// Cancels the INVITE (RFC 3261 §9.1): sends a CANCEL now if a provisional response has arrived, or as soon as one
    /// does, and nothing if a final response came first. The INVITE then normally ends with a 487 in
    /// <see cref="ClientTransaction.FinalResponse"/>; if no final response arrives within 64×T1 of the CANCEL, the
    /// transaction ends with a 487 of its own. A 2xx can still win the race; the TU then ACKs it and sends BYE.
    /// </summary>
    public ValueTask CancelAsync()
    {
        lock (Gate)
        {
            if (_cancelWanted)
            {
                return ValueTask.CompletedTask;
            }

            _cancelWanted = true;
            if (!TakePendingCancel())
            {
                return ValueTask.CompletedTask;
            }
        }

        return SendCancelAsync();
    }

    /// <inheritdoc />
    internal override ValueTask StartAsync()
    {
        lock (Gate)
        {
            TransitionTo(ClientInviteState.Calling);
        }

        return SendAsync(Request, Destination, retransmission: false, rethrow: false);
    }

    /// <inheritdoc />
    internal override async ValueTask OnResponseAsync(SipResponse response)
    {
        SipRequest? ack = null;
        SipResponse? finalAfterAck = null;
        var resend = false;
        var cancel = false;
        lock (Gate)
        {
            switch (_state)
            {
                case ClientInviteState.Calling or ClientInviteState.Proceeding when response.IsProvisional:
                    Deliver(response);
                    TransitionTo(ClientInviteState.Proceeding);
                    cancel = TakePendingCancel();
                    break;
                case ClientInviteState.Calling or ClientInviteState.Proceeding when response.IsSuccess:
                    Deliver(response);
                    TransitionTo(ClientInviteState.Accepted);
                    break;
                case ClientInviteState.Calling or ClientInviteState.Proceeding:
                    // RFC 3261 §17.1.1.3: the transaction itself acknowledges a 300-699. The ACK goes on the wire before
                    // the TU hears of the response, so a request the TU sends next (a retry with credentials) cannot
                    // overtake it; until then retransmissions of the response are absorbed as in Completed.
                    _ack = NonSuccessAck.Create(Request, response);
                    ack = _ack;
                    finalAfterAck = response;
                    _state = ClientInviteState.Completed;
                    CancelAll();
                    break;
                case ClientInviteState.Completed when response.StatusCode >= 300:
                    // RFC 3261 §17.1.1.2: a retransmitted final response is ACKed again, not passed up.
                    ack = _ack;
                    resend = true;
                    Layer.Counters.ResponseAbsorbed();
                    break;
                case ClientInviteState.Accepted when response.IsSuccess:
                    // RFC 6026 §7.2: every 2xx goes to the TU, which ACKs it.
                    Deliver(response);
                    break;
                default:
                    Layer.Counters.ResponseAbsorbed();
                    break;
            }
        }

        if (ack is not null)
        {
            await SendAsync(ack, Destination, resend, rethrow: false).ConfigureAwait(false);
        }

        if (finalAfterAck is not null)
        {
            lock (Gate)
            {
                Deliver(finalAfterAck);
                EnterCompleted();
            }

            return;
        }

        if (cancel)
        {
            await SendCancelAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    internal override void Abort()
    {
        lock (Gate)
        {
            if (_state != ClientInviteState.Terminated)
            {
                TransitionTo(ClientInviteState.Terminated, TransactionOutcome.Aborted);
            }
        }
    }

    /// <summary>Whether a wanted CANCEL may go now, and if so marks it sent; called under the lock. RFC 3261 §9.1: not
    /// before a provisional response, not after a final one.</summary>
    private bool TakePendingCancel()
    {
        if (!_cancelWanted || _cancelSent || _state != ClientInviteState.Proceeding)
        {
            return false;
        }

        _cancelSent = true;
        CancelTimer(ref _timerC);
        _cancelTimeout = Schedule(64 * Timers.T1, OnCancelTimeoutCallback);
        return true;
    }

    private async ValueTask SendCancelAsync()
    {
        var cancel = CancelRequest.Create(Request);
        _cancelTransaction = (ClientNonInviteTransaction)await Layer.StartClientTransactionAsync(cancel, Destination).ConfigureAwait(false);
    }

    private void OnTimerA()
    {
        lock (Gate)
        {
            _timerA = null;
            if (_state != ClientInviteState.Calling)
            {
                return;
            }

            // RFC 3261 §17.1.1.2: the interval doubles each time, with no cap; Timer B ends it.
            _timerAInterval *= 2;
            _timerA = Schedule(_timerAInterval, OnTimerACallback);
        }

        Forget(SendAsync(Request, Destination, retransmission: true, rethrow: false));
    }

    private void OnTimerB()
    {
        lock (Gate)
        {
            _timerB = null;
            if (_state == ClientInviteState.Calling)
            {
                DeliverLocal(408);
                TransitionTo(ClientInviteState.Terminated, TransactionOutcome.TimedOut);
            }
        }
    }

    private void OnTimerC()
    {
        lock (Gate)
        {
            _timerC = null;
            if (_state != ClientInviteState.Proceeding)
            {
                return;
            }

            // The proxy's Timer C (RFC 3261 §16.8) serves a user agent too: an INVITE that rings for over three
            // minutes without a final response is cancelled, so that no transaction waits forever.
            _cancelWanted = true;
            if (!TakePendingCancel())
            {
                return;
            }
        }

        Forget(SendCancelAsync());
    }

    private void OnTimerD()
    {
        lock (Gate)
        {
            _timerD = null;
            if (_state == ClientInviteState.Completed)
            {
                TransitionTo(ClientInviteState.Terminated);
            }
        }
    }

    private void OnTimerM()
    {
        lock (Gate)
        {
            _timerM = null;
            if (_state == ClientInviteState.Accepted)
            {
                TransitionTo(ClientInviteState.Terminated);
            }
        }
    }

    private void OnCancelTimeout()
    {
        lock (Gate)
        {
            _cancelTimeout = null;
            if (_state == ClientInviteState.Proceeding)
            {
                // RFC 3261 §9.1: no final response 64×T1 after the CANCEL, so the INVITE is considered cancelled.
                DeliverLocal(487);
                TransitionTo(ClientInviteState.Terminated, TransactionOutcome.TimedOut);
            }
        }
    }

    /// <inheritdoc />
    private protected override void OnTransportError()
    {
        lock (Gate)
        {
            switch (_state)
            {
                case ClientInviteState.Calling:
                    // RFC 3261 §17.1.1.2, §8.1.3.1: the INVITE could not be sent; the TU sees a 503.
                    DeliverLocal(503);
                    TransitionTo(ClientInviteState.Terminated, TransactionOutcome.TransportFailed);
                    break;
                case ClientInviteState.Completed:
                    // The ACK could not be sent; the TU already has the final response.
                    TransitionTo(ClientInviteState.Terminated, TransactionOutcome.TransportFailed);
                    break;
            }
        }
    }

    /// <summary>The entry actions of Completed, once the state is set; called under the lock.</summary>
    private void EnterCompleted()
    {
        if (_state != ClientInviteState.Completed)
        {
            return;
        }

        if (IsReliable)
        {
            // Timer D is 0 over a reliable transport: no response retransmissions to ACK.
            TransitionTo(ClientInviteState.Terminated);
            return;
        }

        _timerD = Schedule(Timers.TimerD, OnTimerDCallback);
    }

    /// <summary>Every state change, with the entry actions of the new state; called under the lock.</summary>
    private void TransitionTo(ClientInviteState next, TransactionOutcome outcome = TransactionOutcome.Finished)
    {
        var previous = _state;
        _state = next;
        switch (next)
        {
            case ClientInviteState.Calling:
                if (!IsReliable)
                {
                    _timerAInterval = Timers.TimerA;
                    _timerA = Schedule(_timerAInterval, OnTimerACallback);
                }

                _timerB = Schedule(Timers.TimerB, OnTimerBCallback);
                break;
            case ClientInviteState.Proceeding:
                if (previous == ClientInviteState.Calling)
                {
                    // RFC 3261 §17.1.1.2: no more retransmissions, and Timer B only guards the Calling state.
                    CancelTimer(ref _timerA);
                    CancelTimer(ref _timerB);
                }

                // Each provisional response restarts Timer C, as a proxy does (RFC 3261 §16.7 step 2).
                if (!_cancelSent)
                {
                    CancelTimer(ref _timerC);
                    _timerC = Schedule(Timers.TimerC, OnTimerCCallback);
                }

                break;
            case ClientInviteState.Completed:
                CancelAll();
                EnterCompleted();
                break;
            case ClientInviteState.Accepted:
                CancelAll();
                _timerM = Schedule(Timers.TimerM, OnTimerMCallback);
                break;
            case ClientInviteState.Terminated:
                CancelAll();
                CloseResponses();
                Complete(outcome);
                break;
        }
    }

    private void CancelAll()
    {
        CancelTimer(ref _timerA);
        CancelTimer(ref _timerB);
        CancelTimer(ref _timerC);
        CancelTimer(ref _timerD);
        CancelTimer(ref _timerM);
        CancelTimer(ref _cancelTimeout);
    }
}
