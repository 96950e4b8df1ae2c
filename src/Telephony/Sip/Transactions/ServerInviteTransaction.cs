using CallMyWay.Voice.Telephony.Sip.Messages;
using CallMyWay.Voice.Telephony.Sip.Transport;

namespace CallMyWay.Voice.Telephony.Sip.Transactions;

/// <summary>
/// The INVITE server transaction of RFC 3261 §17.2.1 with the Accepted state of RFC 6026 §7.1: sends 100 Trying if the
/// TU has not answered within 200 ms, gives retransmitted INVITEs the last provisional response, retransmits a
/// 300-699 until the ACK (Timer G over UDP, Timer H), absorbs ACKs (Timer I), and after a 2xx stays Accepted for
/// Timer L so that INVITE retransmissions are absorbed and ACKs reach the TU.
/// </summary>
/// <remarks>
/// RFC 6026 §7.1: the transaction never retransmits a 2xx itself; the TU (the dialog) does, by calling
/// <see cref="ServerTransaction.RespondAsync(SipResponse)"/> with it again while Accepted, until the ACK arrives.
/// </remarks>
public sealed class ServerInviteTransaction : ServerTransaction
{
    private readonly CancellationTokenSource _cancellation = new();
    private static readonly Action<object?> OnTryingTimerCallback = static transaction => ((ServerInviteTransaction)transaction!).OnTryingTimer();
    private static readonly Action<object?> OnTimerGCallback = static transaction => ((ServerInviteTransaction)transaction!).OnTimerG();
    private static readonly Action<object?> OnTimerHCallback = static transaction => ((ServerInviteTransaction)transaction!).OnTimerH();
    private static readonly Action<object?> OnTimerICallback = static transaction => ((ServerInviteTransaction)transaction!).OnTimerI();
    private static readonly Action<object?> OnTimerLCallback = static transaction => ((ServerInviteTransaction)transaction!).OnTimerL();
    private ServerInviteState _state = ServerInviteState.Proceeding;
    private ScheduledCallback? _tryingTimer;
    private ScheduledCallback? _timerG;
    private ScheduledCallback? _timerH;
    private ScheduledCallback? _timerI;
    private ScheduledCallback? _timerL;
    private TimeSpan _timerGInterval;
    private bool _finalSent;
    private SipRequest? _cancel;
    private volatile string? _responseToTag;

    internal ServerInviteTransaction(TransactionLayer layer, SipRequest invite, SipEndPoint source, SipEndPoint local, SipEndPoint responseDestination)
        : base(layer, invite, source, local, responseDestination)
    {
    }

    /// <summary>The current state.</summary>
    public ServerInviteState State
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

    /// <summary>Signalled when a CANCEL arrives before the final response (RFC 3261 §9.2): whatever the TU is doing
    /// to answer (ringing, an IVR) should stop, and the INVITE be answered 487.</summary>
    public CancellationToken CancellationRequested => _cancellation.Token;

    /// <summary>The CANCEL that cancelled this INVITE, or null.</summary>
    public SipRequest? CancelRequest
    {
        get
        {
            lock (Gate)
            {
                return _cancel;
            }
        }
    }

    /// <summary>The To tag of the responses sent so far, null before one with a tag: a CANCEL's 200 carries it
    /// (RFC 3261 §9.2) and an RFC 2543 ACK is matched by it (§17.2.3), long after the responses themselves are gone.</summary>
    internal string? ResponseToTag => _responseToTag;

    /// <summary>Entry into Proceeding: the 200 ms wait for the TU's first response (RFC 3261 §17.2.1).</summary>
    internal void Start()
    {
        lock (Gate)
        {
            _tryingTimer = Schedule(Timers.TryingDelay, OnTryingTimerCallback);
        }
    }

    /// <summary>The event "INVITE retransmission": the last provisional response in Proceeding, the final response in
    /// Completed; absorbed otherwise (RFC 3261 §17.2.1, RFC 6026 §7.1).</summary>
    private protected override bool ResendsLastResponse => _state is ServerInviteState.Proceeding or ServerInviteState.Completed;

    /// <summary>The event "ACK received" for an ACK that matched this transaction. Returns true when it goes to the TU:
    /// in Accepted it acknowledges the 2xx (RFC 6026 §7.1); in Completed it ends the retransmissions.</summary>
    internal bool OnAck()
    {
        lock (Gate)
        {
            switch (_state)
            {
                case ServerInviteState.Completed:
                    TransitionTo(ServerInviteState.Confirmed);
                    return false;
                case ServerInviteState.Accepted:
                    return true;
                default:
                    // Confirmed: a retransmitted ACK. Proceeding, Terminated: nothing to acknowledge.
                    return false;
            }
        }
    }

    /// <summary>The event "CANCEL received" (RFC 3261 §9.2). Returns true the first time, while no final response
    /// has been sent; the TU is then told and should answer 487.</summary>
    internal bool OnCancel(SipRequest cancel)
    {
        lock (Gate)
        {
            if (_state != ServerInviteState.Proceeding || _cancel is not null)
            {
                return false;
            }

            _cancel = cancel;
        }

        _cancellation.Cancel();
        return true;
    }

    /// <inheritdoc />
    internal override void Abort()
    {
        lock (Gate)
        {
            if (_state != ServerInviteState.Terminated)
            {
                TransitionTo(ServerInviteState.Terminated, TransactionOutcome.Aborted);
            }
        }
    }

    /// <summary>The event "response from the TU", under the lock; true when the response is to be sent.</summary>
    private protected override bool OnResponseFromUser(SipResponse response)
    {
        if (!TakesResponse(response))
        {
            return false;
        }

        if (response.Headers.Contains(SipHeaderNames.To))
        {
            _responseToTag = response.To.Tag;
        }

        switch (_state)
        {
            case ServerInviteState.Proceeding when response.IsProvisional:
                LastResponse = response;
                CancelTimer(ref _tryingTimer);
                break;
            case ServerInviteState.Proceeding:
                LastResponse = response;
                _finalSent = true;
                TransitionTo(response.IsSuccess ? ServerInviteState.Accepted : ServerInviteState.Completed);
                break;
        }

        return true;
    }

    /// <summary>Whether the state takes a response from the TU: any in Proceeding; in Accepted only a 2xx, since
    /// RFC 6026 §7.1 has the TU's 2xx retransmissions (or further 2xx) passed to the transport.</summary>
    private bool TakesResponse(SipResponse response) => _state switch
    {
        ServerInviteState.Proceeding => true,
        ServerInviteState.Accepted => response.IsSuccess,
        _ => false,
    };

    private void OnTryingTimer()
    {
        SipResponse? trying = null;
        lock (Gate)
        {
            _tryingTimer = null;
            if (_state == ServerInviteState.Proceeding && LastResponse is null)
            {
                // RFC 3261 §17.2.1: the TU did not answer within 200 ms, so the transaction says 100 Trying itself
                // to quench the client's retransmissions.
                trying = SipResponseFactory.CreateResponse(Request, 100);
                LastResponse = trying;
            }
        }

        if (trying is not null)
        {
            Forget(SendAsync(trying, ResponseDestination, retransmission: false, rethrow: false));
        }
    }

    private void OnTimerG()
    {
        SipResponse? resend = null;
        lock (Gate)
        {
            _timerG = null;
            if (_state == ServerInviteState.Completed)
            {
                // RFC 3261 §17.2.1: the interval doubles, up to T2.
                resend = LastResponse;
                _timerGInterval = Min(_timerGInterval * 2, Timers.T2);
                _timerG = Schedule(_timerGInterval, OnTimerGCallback);
            }
        }

        if (resend is not null)
        {
            Forget(SendAsync(resend, ResponseDestination, retransmission: true, rethrow: false));
        }
    }

    private void OnTimerH()
    {
        lock (Gate)
        {
            _timerH = null;
            if (_state == ServerInviteState.Completed)
            {
                // RFC 3261 §17.2.1: the ACK never came; the TU learns it from Completion.
                TransitionTo(ServerInviteState.Terminated, TransactionOutcome.TimedOut);
            }
        }
    }

    private void OnTimerI()
    {
        lock (Gate)
        {
            _timerI = null;
            if (_state == ServerInviteState.Confirmed)
            {
                TransitionTo(ServerInviteState.Terminated);
            }
        }
    }

    private void OnTimerL()
    {
        lock (Gate)
        {
            _timerL = null;
            if (_state == ServerInviteState.Accepted)
            {
                TransitionTo(ServerInviteState.Terminated);
            }
        }
    }

    /// <inheritdoc />
    private protected override void OnTransportError()
    {
        lock (Gate)
        {
            // RFC 6026 Figure 7: in Proceeding and Accepted the TU is told (RespondAsync throws) and the transaction
            // stays, since the TU may still answer or retransmit its 2xx; a Completed transaction ends.
            if (_state == ServerInviteState.Completed)
            {
                TransitionTo(ServerInviteState.Terminated, TransactionOutcome.TransportFailed);
            }
        }
    }

    /// <summary>Every state change, with the entry actions of the new state; called under the lock.</summary>
    private void TransitionTo(ServerInviteState next, TransactionOutcome outcome = TransactionOutcome.Finished)
    {
        _state = next;
        switch (next)
        {
            case ServerInviteState.Accepted:
                CancelTimer(ref _tryingTimer);

                // RFC 6026 §7.1: INVITE retransmissions are absorbed and the TU retransmits its own 2xx, so for the
                // 32 s of Timer L neither the INVITE (with its SDP) nor the 2xx is needed here.
                ReleaseRequest();
                LastResponse = null;
                _timerL = Schedule(Timers.TimerL, OnTimerLCallback);
                break;
            case ServerInviteState.Completed:
                CancelTimer(ref _tryingTimer);

                // RFC 3261 §17.2.1: Completed only resends its final response, kept in LastResponse.
                ReleaseRequest();
                if (!IsReliable)
                {
                    _timerGInterval = Timers.TimerG;
                    _timerG = Schedule(_timerGInterval, OnTimerGCallback);
                }

                _timerH = Schedule(Timers.TimerH, OnTimerHCallback);
                break;
            case ServerInviteState.Confirmed:
                CancelTimer(ref _timerG);
                CancelTimer(ref _timerH);

                // Confirmed absorbs ACKs and INVITEs alike; nothing is resent any more.
                LastResponse = null;
                if (IsReliable)
                {
                    // Timer I is 0 over a reliable transport: no ACK retransmissions to absorb.
                    TransitionTo(ServerInviteState.Terminated);
                    return;
                }

                _timerI = Schedule(Timers.TimerI, OnTimerICallback);
                break;
            case ServerInviteState.Terminated:
                CancelTimer(ref _tryingTimer);
                CancelTimer(ref _timerG);
                CancelTimer(ref _timerH);
                CancelTimer(ref _timerI);
                CancelTimer(ref _timerL);
                LastResponse = null;
                Complete(outcome);
                break;
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
