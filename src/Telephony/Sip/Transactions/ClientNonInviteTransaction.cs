using CallMyWay.Voice.Telephony.Sip.Messages;
using CallMyWay.Voice.Telephony.Sip.Transport;

namespace CallMyWay.Voice.Telephony.Sip.Transactions;

/// <summary>
/// The non-INVITE client transaction of RFC 3261 §17.1.2: retransmits the request over UDP on Timer E (doubling up to
/// T2, then every T2 once a provisional response arrived), gives up on Timer F (408 to the TU), and after the final
/// response absorbs its retransmissions for Timer K.
/// </summary>
public sealed class ClientNonInviteTransaction : ClientTransaction
{
    private static readonly Action<object?> OnTimerECallback = static transaction => ((ClientNonInviteTransaction)transaction!).OnTimerE();
    private static readonly Action<object?> OnTimerFCallback = static transaction => ((ClientNonInviteTransaction)transaction!).OnTimerF();
    private static readonly Action<object?> OnTimerKCallback = static transaction => ((ClientNonInviteTransaction)transaction!).OnTimerK();
    private ClientNonInviteState _state = ClientNonInviteState.Trying;
    private ScheduledCallback? _timerE;
    private ScheduledCallback? _timerF;
    private ScheduledCallback? _timerK;
    private TimeSpan _timerEInterval;

    internal ClientNonInviteTransaction(TransactionLayer layer, SipRequest request, SipEndPoint destination)
        : base(layer, request, destination)
    {
    }

    /// <summary>The current state.</summary>
    public ClientNonInviteState State
    {
        get
        {
            lock (Gate)
            {
                return _state;
            }
        }
    }

    /// <inheritdoc />
    internal override ValueTask StartAsync()
    {
        lock (Gate)
        {
            TransitionTo(ClientNonInviteState.Trying);
        }

        return SendAsync(Request, Destination, retransmission: false, rethrow: false);
    }

    /// <inheritdoc />
    internal override ValueTask OnResponseAsync(SipResponse response)
    {
        lock (Gate)
        {
            switch (_state)
            {
                case ClientNonInviteState.Trying or ClientNonInviteState.Proceeding when response.IsProvisional:
                    Deliver(response);
                    if (_state == ClientNonInviteState.Trying)
                    {
                        TransitionTo(ClientNonInviteState.Proceeding);
                    }

                    break;
                case ClientNonInviteState.Trying or ClientNonInviteState.Proceeding:
                    Deliver(response);
                    TransitionTo(ClientNonInviteState.Completed);
                    break;
                default:
                    // Completed: a retransmitted final response, absorbed (RFC 3261 §17.1.2.2).
                    Layer.Counters.ResponseAbsorbed();
                    break;
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    internal override void Abort()
    {
        lock (Gate)
        {
            if (_state != ClientNonInviteState.Terminated)
            {
                TransitionTo(ClientNonInviteState.Terminated, TransactionOutcome.Aborted);
            }
        }
    }

    private void OnTimerE()
    {
        lock (Gate)
        {
            _timerE = null;
            if (_state is not (ClientNonInviteState.Trying or ClientNonInviteState.Proceeding))
            {
                return;
            }

            // RFC 3261 §17.1.2.2: doubling up to T2 while Trying, every T2 once Proceeding.
            var doubled = _timerEInterval * 2;
            _timerEInterval = _state == ClientNonInviteState.Proceeding || doubled > Timers.T2 ? Timers.T2 : doubled;
            _timerE = Schedule(_timerEInterval, OnTimerECallback);
        }

        Forget(SendAsync(Request, Destination, retransmission: true, rethrow: false));
    }

    private void OnTimerF()
    {
        lock (Gate)
        {
            _timerF = null;
            if (_state is ClientNonInviteState.Trying or ClientNonInviteState.Proceeding)
            {
                DeliverLocal(408);
                TransitionTo(ClientNonInviteState.Terminated, TransactionOutcome.TimedOut);
            }
        }
    }

    private void OnTimerK()
    {
        lock (Gate)
        {
            _timerK = null;
            if (_state == ClientNonInviteState.Completed)
            {
                TransitionTo(ClientNonInviteState.Terminated);
            }
        }
    }

    /// <inheritdoc />
    private protected override void OnTransportError()
    {
        lock (Gate)
        {
            if (_state is ClientNonInviteState.Trying or ClientNonInviteState.Proceeding)
            {
                DeliverLocal(503);
                TransitionTo(ClientNonInviteState.Terminated, TransactionOutcome.TransportFailed);
            }
        }
    }

    /// <summary>Every state change, with the entry actions of the new state; called under the lock.</summary>
    private void TransitionTo(ClientNonInviteState next, TransactionOutcome outcome = TransactionOutcome.Finished)
    {
        _state = next;
        switch (next)
        {
            case ClientNonInviteState.Trying:
                if (!IsReliable)
                {
                    _timerEInterval = Timers.TimerE;
                    _timerE = Schedule(_timerEInterval, OnTimerECallback);
                }

                _timerF = Schedule(Timers.TimerF, OnTimerFCallback);
                break;
            case ClientNonInviteState.Proceeding:
                // Timer E keeps running and is reset to T2 when it next fires.
                break;
            case ClientNonInviteState.Completed:
                CancelTimer(ref _timerE);
                CancelTimer(ref _timerF);
                if (IsReliable)
                {
                    // Timer K is 0 over a reliable transport.
                    TransitionTo(ClientNonInviteState.Terminated);
                    return;
                }

                _timerK = Schedule(Timers.TimerK, OnTimerKCallback);
                break;
            case ClientNonInviteState.Terminated:
                CancelTimer(ref _timerE);
                CancelTimer(ref _timerF);
                CancelTimer(ref _timerK);
                CloseResponses();
                Complete(outcome);
                break;
        }
    }
}
