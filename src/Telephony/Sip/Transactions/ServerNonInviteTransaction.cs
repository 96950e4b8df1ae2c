using CallMyWay.Voice.Telephony.Sip.Messages;
using CallMyWay.Voice.Telephony.Sip.Transport;

namespace CallMyWay.Voice.Telephony.Sip.Transactions;

/// <summary>
/// The non-INVITE server transaction of RFC 3261 §17.2.2: absorbs retransmitted requests while the TU works, gives
/// them the last provisional or the final response afterwards, and stays Completed for Timer J (64×T1 over UDP,
/// 0 over TCP) so that late retransmissions still get the final response.
/// </summary>
public sealed class ServerNonInviteTransaction : ServerTransaction
{
    private static readonly Action<object?> OnTimerJCallback = static transaction => ((ServerNonInviteTransaction)transaction!).OnTimerJ();
    private ServerNonInviteState _state = ServerNonInviteState.Trying;
    private ScheduledCallback? _timerJ;
    private bool _finalSent;

    internal ServerNonInviteTransaction(TransactionLayer layer, SipRequest request, SipEndPoint source, SipEndPoint local, SipEndPoint responseDestination)
        : base(layer, request, source, local, responseDestination)
    {
    }

    /// <summary>The current state.</summary>
    public ServerNonInviteState State
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
    public override bool HasFinalResponse
    {
        get
        {
            lock (Gate)
            {
                return _finalSent;
            }
        }
    }

    /// <summary>The event "request retransmission": discarded in Trying, answered with the last response after
    /// (RFC 3261 §17.2.2).</summary>
    private protected override bool ResendsLastResponse => _state is ServerNonInviteState.Proceeding or ServerNonInviteState.Completed;

    /// <inheritdoc />
    internal override void Abort()
    {
        lock (Gate)
        {
            if (_state != ServerNonInviteState.Terminated)
            {
                TransitionTo(ServerNonInviteState.Terminated, TransactionOutcome.Aborted);
            }
        }
    }

    /// <summary>The event "response from the TU", under the lock; true when the response is to be sent.</summary>
    private protected override bool OnResponseFromUser(SipResponse response)
    {
        if (_state is not (ServerNonInviteState.Trying or ServerNonInviteState.Proceeding))
        {
            return false;
        }

        LastResponse = response;
        if (response.IsProvisional)
        {
            if (_state == ServerNonInviteState.Trying)
            {
                TransitionTo(ServerNonInviteState.Proceeding);
            }
        }
        else
        {
            _finalSent = true;
            TransitionTo(ServerNonInviteState.Completed);
        }

        return true;
    }

    private void OnTimerJ()
    {
        lock (Gate)
        {
            _timerJ = null;
            if (_state == ServerNonInviteState.Completed)
            {
                TransitionTo(ServerNonInviteState.Terminated);
            }
        }
    }

    /// <inheritdoc />
    private protected override void OnTransportError()
    {
        lock (Gate)
        {
            // RFC 3261 §17.2.2: a transport error in Proceeding or Completed ends the transaction.
            if (_state is ServerNonInviteState.Proceeding or ServerNonInviteState.Completed)
            {
                TransitionTo(ServerNonInviteState.Terminated, TransactionOutcome.TransportFailed);
            }
        }
    }

    /// <summary>Every state change, with the entry actions of the new state; called under the lock.</summary>
    private void TransitionTo(ServerNonInviteState next, TransactionOutcome outcome = TransactionOutcome.Finished)
    {
        _state = next;
        switch (next)
        {
            case ServerNonInviteState.Completed:
                // RFC 3261 §17.2.2: Completed only answers retransmissions with the final response, kept in
                // LastResponse; the request goes.
                ReleaseRequest();
                if (IsReliable)
                {
                    // Timer J is 0 over a reliable transport: there are no request retransmissions to answer.
                    TransitionTo(ServerNonInviteState.Terminated);
                    return;
                }

                _timerJ = Schedule(Timers.TimerJ, OnTimerJCallback);
                break;
            case ServerNonInviteState.Terminated:
                CancelTimer(ref _timerJ);
                LastResponse = null;
                Complete(outcome);
                break;
        }
    }
}
