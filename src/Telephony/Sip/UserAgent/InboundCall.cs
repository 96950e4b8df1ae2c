using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Domain.Numbers;
using CallMyWay.Voice.Telephony.Calls;
using CallMyWay.Voice.Telephony.Media.Engine;
using CallMyWay.Voice.Telephony.Sdp;
using CallMyWay.Voice.Telephony.Sip.Dialogs;
using CallMyWay.Voice.Telephony.Sip.Messages;
using CallMyWay.Voice.Telephony.Sip.Transactions;
using Microsoft.Extensions.Logging;

namespace CallMyWay.Voice.Telephony.Sip.UserAgent;

/// <summary>
/// One call to a DID, from the first INVITE to the last BYE: rings, answers with SDP, retransmits the 2xx until
/// the ACK, runs the application on the media, answers in-dialog requests (BYE, INFO, re-INVITE), and cleans up once.
/// Transitions happen under one lock; SIP sends happen outside it.
/// </summary>
internal sealed partial class InboundCall : IDialogUsage
{
    private readonly SipUserAgent _agent;
    private readonly ServerInviteTransaction _invite;
    private readonly InDialogResponder _responder;
    private readonly RtpPortPair _ports;
    private readonly CancellationTokenSource _lifetime = new();
    private readonly object _gate = new();
    private NegotiatedMedia _negotiated;
    private SessionDescription _answer;
    private InboundCallPhase _phase = InboundCallPhase.Ringing;
    private RtpSession? _media;
    private IvrCallChannel? _ivr;
    private InviteOkRetransmission? _retransmission;
    private ScheduledCallback? _sessionTimer;
    private SessionExpires? _session;
    private CallSnapshot _snapshot;

    public InboundCall(SipUserAgent agent, ServerInviteTransaction invite, SipDialog dialog, DeskNumber did, OfferAnswer offerAnswer, LocalMediaCapabilities local, RtpPortPair ports, SdpAnswerResult answer, CaseChannel channel)
    {
        _agent = agent;
        _invite = invite;
        Dialog = dialog;
        Did = did;
        _responder = new InDialogResponder(dialog, offerAnswer, local, agent.Layer, agent.Transport, agent.Logger);
        _ports = ports;
        _negotiated = answer.Media!;
        _answer = answer.Answer!;
        Channel = channel;
        CallerNumber = invite.Request.From.User;
        var now = agent.Time.GetUtcNow();
        _snapshot = new CallSnapshot(dialog.Id.CallId, CallState.Ringing, did.E164, did.Country, CallerNumber, null, null, now, now, channel == CaseChannel.Click2call ? "click2call" : "phone");
    }

    public SipDialog Dialog { get; }
    public DeskNumber Did { get; }
    public string? CallerNumber { get; }
    public CaseChannel Channel { get; }
    public string CallId => Dialog.Id.CallId;
    public CancellationToken Lifetime => _lifetime.Token;

    /// <summary>Rings, then answers unless the caller cancelled meanwhile; then runs the application.</summary>
    public async Task RunAsync()
    {
        try
        {
            await RespondAsync(_invite, WithContact(_invite.CreateResponse(180))).ConfigureAwait(false);
            _agent.Registry.Publish(_snapshot);
            try
            {
                await Task.Delay(_agent.Options.RingTime, _agent.Time, _invite.CancellationRequested).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                await RespondAsync(_invite, _invite.CreateResponse(487)).ConfigureAwait(false);
                await EndAsync(sendBye: false, "cancelled while ringing").ConfigureAwait(false);
                return;
            }

            if (!await AnswerAsync().ConfigureAwait(false))
            {
                return;
            }

            await RunApplicationAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            CallFailed(_agent.Logger, ex, CallId);
            await EndAsync(sendBye: _phase is InboundCallPhase.Answered or InboundCallPhase.Confirmed, "failed").ConfigureAwait(false);
        }
    }

    public void OnAck()
    {
        lock (_gate)
        {
            if (_phase != InboundCallPhase.Answered)
            {
                return;
            }

            _phase = InboundCallPhase.Confirmed;
            _retransmission?.Stop();
        }
    }

    /// <summary>A request within the dialog (RFC 3261 §12.2.2).</summary>
    public async ValueTask OnRequestAsync(ServerTransaction transaction)
    {
        var request = transaction.Request;
        if (!await _responder.AcceptSequenceAsync(transaction).ConfigureAwait(false))
        {
            return;
        }

        switch (request.Method.Kind)
        {
            case SipMethodKind.Bye:
                await RespondAsync(transaction, transaction.CreateResponse(200)).ConfigureAwait(false);
                await EndAsync(sendBye: false, "caller hung up").ConfigureAwait(false);
                break;
            case SipMethodKind.Info:
                await _responder.OnInfoAsync(transaction, _media).ConfigureAwait(false);
                break;
            case SipMethodKind.Invite:
                await OnReInviteAsync((ServerInviteTransaction)transaction).ConfigureAwait(false);
                break;
            case SipMethodKind.Update when request.Body.IsEmpty:
                await RespondAsync(transaction, WithSessionTimer(_agent.WithCapabilities(transaction.CreateResponse(200)), request)).ConfigureAwait(false);
                ArmSessionTimer();
                break;
            case SipMethodKind.Update:
                await OnUpdateOfferAsync(transaction).ConfigureAwait(false);
                break;
            case SipMethodKind.Options:
                await RespondAsync(transaction, _agent.WithCapabilities(transaction.CreateResponse(200))).ConfigureAwait(false);
                break;
            default:
                await RespondAsync(transaction, _agent.WithCapabilities(transaction.CreateResponse(405))).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>Ends the call from our side (the IVR finished): BYE to the caller.</summary>
    public ValueTask HangupAsync() => EndAsync(sendBye: true, "desk hung up");

    private async Task<bool> AnswerAsync()
    {
        var media = _agent.Media.CreateSession(_ports, _negotiated);
        _media = media;
        _ivr = new IvrCallChannel(CallId, CallerNumber, Did, media, _agent.Prompts, _agent.Time, HangupAsync, _agent.Options.RecordingFolder);
        var ok = WithSessionTimer(WithSdp(WithContact(_agent.WithCapabilities(_invite.CreateResponse(200))), _answer), _invite.Request);
        lock (_gate)
        {
            if (_phase != InboundCallPhase.Ringing)
            {
                return false;
            }

            _phase = InboundCallPhase.Answered;
        }

        media.Start();
        if (!await RespondAsync(_invite, ok).ConfigureAwait(false))
        {
            await EndAsync(sendBye: false, "INVITE transaction ended before the answer").ConfigureAwait(false);
            return false;
        }

        RetransmitUntilAck(_invite, ok);
        ArmSessionTimer();
        CallAnswered(_agent.Logger, CallId, Did.E164, CallerNumber, _negotiated.Codec.EncodingName);
        Publish(s => s with { State = CallState.Ivr });
        return true;
    }

    private async Task RunApplicationAsync()
    {
        var call = new ActiveCall(CallId, Did, CallerNumber, Channel, _media!, _ivr!, HangupAsync, Lifetime);
        try
        {
            await _agent.Application.RunAsync(call, Lifetime).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (Lifetime.IsCancellationRequested)
        {
            // The caller hung up during the application.
        }

        await EndAsync(sendBye: true, "application finished").ConfigureAwait(false);
    }

    // The 200 to the INVITE and to each re-INVITE is ours to retransmit (RFC 3261 §13.3.1.4); only the latest is stopped
    // by the ACK, an earlier one finds the call no longer Answered at its next timer.
    private void RetransmitUntilAck(ServerInviteTransaction transaction, SipResponse ok)
    {
        lock (_gate)
        {
            if (_phase != InboundCallPhase.Answered)
            {
                return;
            }

            _retransmission = _responder.RetransmitUntilAck(transaction, ok, IsAwaitingAck, OnNoAckAsync);
        }
    }

    private bool IsAwaitingAck()
    {
        lock (_gate)
        {
            return _phase == InboundCallPhase.Answered;
        }
    }

    private async Task OnNoAckAsync()
    {
        NoAck(_agent.Logger, CallId);
        await EndAsync(sendBye: true, "no ACK").ConfigureAwait(false);
    }

    // A re-INVITE: hold (sendonly / 0.0.0.0), resume, or a new address; answered on the same media session.
    /// <summary>
    /// An UPDATE with an offer (RFC 3311 §5.2), as a phone sends to move or hold its media inside the call: answered
    /// in the 200 with the call's one offer/answer, and the media follows. Allow lists UPDATE, so a 405 would be wrong.
    /// </summary>
    private async ValueTask OnUpdateOfferAsync(ServerTransaction transaction)
    {
        var request = transaction.Request;
        if (await _responder.AnswerOfferAsync(transaction).ConfigureAwait(false) is not { } result)
        {
            return;
        }

        Dialog.RefreshTarget(request, transaction.Source);
        _negotiated = result.Media!;
        _answer = result.Answer!;
        _media?.UpdateMedia(_negotiated);
        await RespondAsync(transaction, WithSessionTimer(WithSdp(WithContact(_agent.WithCapabilities(transaction.CreateResponse(200))), _answer), request)).ConfigureAwait(false);
        ArmSessionTimer();
    }

    private async ValueTask OnReInviteAsync(ServerInviteTransaction transaction)
    {
        var request = transaction.Request;
        if (request.Body.IsEmpty)
        {
            // No offer: we repeat our current session (RFC 3264 §8) and take the answer in the ACK as unchanged.
            await RespondAsync(transaction, WithSdp(WithContact(_agent.WithCapabilities(transaction.CreateResponse(200))), _answer)).ConfigureAwait(false);
            return;
        }

        if (await _responder.AnswerOfferAsync(transaction).ConfigureAwait(false) is not { } result)
        {
            return;
        }

        Dialog.RefreshTarget(request, transaction.Source);
        _negotiated = result.Media!;
        _answer = result.Answer!;
        _media?.UpdateMedia(_negotiated);
        var ok = WithSessionTimer(WithSdp(WithContact(_agent.WithCapabilities(transaction.CreateResponse(200))), _answer), request);
        lock (_gate)
        {
            if (_phase == InboundCallPhase.Confirmed)
            {
                _phase = InboundCallPhase.Answered;
            }
        }

        await RespondAsync(transaction, ok).ConfigureAwait(false);
        RetransmitUntilAck(transaction, ok);
        ArmSessionTimer();
        Reinvited(_agent.Logger, CallId, _negotiated.RemoteDirection.ToAttributeName());
    }

    private async ValueTask EndAsync(bool sendBye, string reason)
    {
        lock (_gate)
        {
            if (_phase == InboundCallPhase.Ended)
            {
                return;
            }

            _phase = InboundCallPhase.Ended;
            _retransmission?.Stop();
            _sessionTimer?.Cancel();
        }

        await _lifetime.CancelAsync().ConfigureAwait(false);
        if (sendBye)
        {
            try
            {
                var bye = Dialog.CreateRequest(SipMethod.Bye);
                bye.Headers.Add(SipHeaderNames.UserAgent, _agent.Options.ProductName);
                await _agent.Layer.SendRequestAsync(bye, Dialog.RemoteEndPoint).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is Transport.SipTransportException or InvalidOperationException)
            {
                ByeFailed(_agent.Logger, ex, CallId);
            }
        }

        _ivr?.Dispose();
        if (_media is { } media)
        {
            media.Dispose();
        }
        else
        {
            _ports.Dispose();
        }

        _agent.ForgetDialog(this);
        CallEnded(_agent.Logger, CallId, reason);
        Publish(s => s with { State = CallState.Ended });
        _lifetime.Dispose();
    }

    // RFC 4028: when the caller asked for a session timer, we agree to its interval. The caller refreshes unless it
    // named us; either way a session that goes unrefreshed is ended with a BYE rather than left hanging.
    private SipResponse WithSessionTimer(SipResponse response, SipRequest request)
    {
        if (request.Headers.GetFirst(SipHeaderNames.SessionExpires) is not { } text || !SessionExpires.TryParse(text, out var asked))
        {
            return response;
        }

        var session = new SessionExpires(Math.Max(asked.Seconds, SessionExpires.MinimumSeconds), asked.Refresher ?? "uac");
        lock (_gate)
        {
            _session = session;
        }

        response.Headers.Set(SipHeaderNames.SessionExpires, session.ToString());
        if (request.Headers.GetAll(SipHeaderNames.Supported).Any(tag => string.Equals(tag.Trim(), "timer", StringComparison.OrdinalIgnoreCase)))
        {
            response.Headers.Set(SipHeaderNames.Require, "timer");
        }

        return response;
    }

    private void ArmSessionTimer()
    {
        lock (_gate)
        {
            _sessionTimer?.Cancel();
            if (_session is not { } session || _phase == InboundCallPhase.Ended)
            {
                return;
            }

            _sessionTimer = session.Refresher == "uas"
                ? _agent.Layer.Scheduler.Schedule(TimeSpan.FromSeconds(session.Seconds / 2.0), () => _ = RefreshSessionAsync())
                : _agent.Layer.Scheduler.Schedule(session.GiveUpAfter, () => _ = EndAsync(sendBye: true, "session timer expired").AsTask());
        }
    }

    // We are the refresher: an UPDATE without a body keeps the session alive (RFC 4028 §9).
    private async Task RefreshSessionAsync()
    {
        var session = _session;
        if (session is null)
        {
            return;
        }

        var update = Dialog.CreateRequest(SipMethod.Update);
        update.Headers.Set(SipHeaderNames.SessionExpires, session.Value.ToString());
        update.Headers.Set(SipHeaderNames.Supported, "timer");
        try
        {
            var transaction = await _agent.Layer.SendRequestAsync(update, Dialog.RemoteEndPoint).ConfigureAwait(false);
            var response = await transaction.FinalResponse.ConfigureAwait(false);
            if (response.IsSuccess)
            {
                ArmSessionTimer();
                return;
            }
        }
        catch (Transport.SipTransportException)
        {
            // Falls through to ending the call.
        }

        await EndAsync(sendBye: true, "session refresh failed").ConfigureAwait(false);
    }

    private void Publish(Func<CallSnapshot, CallSnapshot> change)
    {
        CallSnapshot snapshot;
        lock (_gate)
        {
            _snapshot = change(_snapshot) with { At = _agent.Time.GetUtcNow() };
            snapshot = _snapshot;
        }

        _agent.Registry.Publish(snapshot);
    }

    private SipResponse WithContact(SipResponse response)
    {
        response.Headers.Set(SipHeaderNames.Contact, "<" + Dialog.LocalContact + ">");
        return response;
    }

    private static SipResponse WithSdp(SipResponse response, SessionDescription sdp) => InDialogResponder.WithSdp(response, sdp);

    private ValueTask<bool> RespondAsync(ServerTransaction transaction, SipResponse response) => _responder.RespondAsync(transaction, response);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallId} to {Did} from {Caller} answered ({Codec})")]
    private static partial void CallAnswered(ILogger logger, string callId, string did, string? caller, string codec);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallId} ended: {Reason}")]
    private static partial void CallEnded(ILogger logger, string callId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallId} re-INVITE: peer now {Direction}")]
    private static partial void Reinvited(ILogger logger, string callId, string direction);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId}: no ACK for our 200 within 64*T1; hanging up")]
    private static partial void NoAck(ILogger logger, string callId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Call {CallId} failed")]
    private static partial void CallFailed(ILogger logger, Exception exception, string callId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId}: BYE could not be sent")]
    private static partial void ByeFailed(ILogger logger, Exception exception, string callId);
}
