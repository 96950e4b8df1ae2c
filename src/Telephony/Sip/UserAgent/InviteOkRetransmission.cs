using CallMyWay.Voice.Telephony.Sip.Messages;
using CallMyWay.Voice.Telephony.Sip.Transactions;

namespace CallMyWay.Voice.Telephony.Sip.UserAgent;

/// <summary>The UAS core's retransmissions of one 2xx to an INVITE until its ACK arrives (RFC 3261 §13.3.1.4, RFC 6026 §8.1).</summary>
/// <remarks>
/// The call owns the question whether the ACK is still awaited and asks it at every timer; <see cref="Stop"/> only
/// spares the scheduler a timer that would find the answer no.
/// </remarks>
internal sealed class InviteOkRetransmission
{
    private readonly InDialogResponder _responder;
    private readonly TransactionLayer _layer;
    private readonly ServerInviteTransaction _transaction;
    private readonly SipResponse _ok;
    private readonly Func<bool> _awaitingAck;
    private readonly Func<Task> _noAck;
    private readonly Lock _gate = new();
    private ScheduledCallback? _timer;
    private bool _stopped;

    internal InviteOkRetransmission(InDialogResponder responder, TransactionLayer layer, ServerInviteTransaction transaction, SipResponse ok, Func<bool> awaitingAck, Func<Task> noAck)
    {
        _responder = responder;
        _layer = layer;
        _transaction = transaction;
        _ok = ok;
        _awaitingAck = awaitingAck;
        _noAck = noAck;
    }

    public void Start() => Schedule(_layer.Timers.T1, TimeSpan.Zero);

    public void Stop()
    {
        lock (_gate)
        {
            _stopped = true;
            _timer?.Cancel();
        }
    }

    // RFC 3261 §13.3.1.4: the UAS core retransmits the 2xx, T1 doubling up to T2, until the ACK or 64*T1.
    private void Schedule(TimeSpan interval, TimeSpan elapsed)
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            _timer = _layer.Scheduler.Schedule(interval, () => _ = OnTimerAsync(interval, elapsed + interval));
        }
    }

    private async Task OnTimerAsync(TimeSpan interval, TimeSpan elapsed)
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }
        }

        if (!_awaitingAck())
        {
            return;
        }

        var timers = _layer.Timers;
        if (elapsed >= timers.T1 * 64)
        {
            await _noAck().ConfigureAwait(false);
            return;
        }

        await _responder.RespondAsync(_transaction, _ok).ConfigureAwait(false);
        var next = interval * 2 < timers.T2 ? interval * 2 : timers.T2;
        // The last wait is cut so the call gives up at 64*T1 exactly (RFC 3261 §13.3.1.4), not a T2 later.
        var left = (timers.T1 * 64) - elapsed;
        Schedule(left < next ? left : next, elapsed);
    }
}
