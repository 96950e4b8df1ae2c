using CallMyWay.Voice.Telephony.Media.Engine;
using CallMyWay.Voice.Telephony.Sdp;
using CallMyWay.Voice.Telephony.Sip.Auth;
using CallMyWay.Voice.Telephony.Sip.Dialogs;
using CallMyWay.Voice.Telephony.Sip.Messages;
using CallMyWay.Voice.Telephony.Sip.Transactions;
using CallMyWay.Voice.Telephony.Sip.Transport;
using Microsoft.Extensions.Logging;

namespace CallMyWay.Voice.Telephony.Sip.UserAgent.Outbound;

/// <summary>
/// A call the desk placed and the callee answered: its dialog and media until either side hangs up. Answers the
/// callee's in-dialog requests (BYE, INFO digits, re-INVITE for hold and resume, UPDATE, OPTIONS) and hangs up with BYE.
/// </summary>
/// <remarks>Transitions happen under one lock; SIP sends happen outside it.</remarks>
public sealed partial class OutboundCall : IDialogUsage
{
    private readonly SipCaller _caller;
    private readonly DigestClient? _credentials;
    private readonly InDialogResponder _responder;
    private readonly CancellationTokenSource _lifetime = new();
    private readonly TaskCompletionSource<OutboundCallEnd> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private SessionDescription _localDescription;
    private OutboundCallPhase _phase = OutboundCallPhase.Confirmed;
    private InviteOkRetransmission? _retransmission;

    internal OutboundCall(SipCaller caller, SipDialog dialog, DigestClient? credentials, OfferAnswer offerAnswer, LocalMediaCapabilities local, SessionDescription offer, RtpSession media)
    {
        _caller = caller;
        Dialog = dialog;
        _credentials = credentials;
        _responder = new InDialogResponder(dialog, offerAnswer, local, caller.Layer, caller.Transport, caller.Logger);
        _localDescription = offer;
        Media = media;
        Lifetime = _lifetime.Token;
        AnsweredAt = caller.Time.GetUtcNow();
    }

    /// <summary>Raised when the callee changes the media with a re-INVITE or UPDATE (hold, resume, a new address); the argument is the new negotiation.</summary>
    public event EventHandler<NegotiatedMedia>? MediaChanged;

    /// <summary>The dialog: Call-ID, tags, the callee's target and route set.</summary>
    public SipDialog Dialog { get; }

    /// <summary>The SIP Call-ID of the call.</summary>
    public string CallId => Dialog.Id.CallId;

    /// <summary>The call's audio: play prompts, bridge to another leg, read digits, record.</summary>
    public RtpSession Media { get; }

    /// <summary>When the callee answered.</summary>
    public DateTimeOffset AnsweredAt { get; }

    /// <summary>Cancelled when the call ends, whoever hangs up.</summary>
    public CancellationToken Lifetime { get; }

    /// <summary>Completes when the call ends, saying who hung up.</summary>
    public Task<OutboundCallEnd> Ended => _ended.Task;

    /// <summary>Whether the call has ended.</summary>
    public bool HasEnded => _ended.Task.IsCompleted;

    /// <summary>
    /// Hangs up: the call ends at once (<see cref="Lifetime"/> cancelled, media stopped, <see cref="Ended"/> completed),
    /// then a BYE goes to the callee, answering one digest challenge with the call's credentials. Completes when the
    /// BYE has its final response (up to 64*T1 when the callee is gone). Nothing happens when the call already ended.
    /// </summary>
    public async Task HangupAsync()
    {
        if (!TryEnd(OutboundCallEndReason.LocalHangup, "desk hung up"))
        {
            return;
        }

        try
        {
            await SendByeAsync().ConfigureAwait(false);
        }
        finally
        {
            _caller.Agent.ForgetDialog(this);
        }
    }

    /// <summary>A request from the callee within the dialog (RFC 3261 §12.2.2).</summary>
    public async ValueTask OnRequestAsync(ServerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var request = transaction.Request;
        if (!await _responder.AcceptSequenceAsync(transaction).ConfigureAwait(false))
        {
            return;
        }

        if (HasEnded)
        {
            // Our BYE is on its way; a crossing BYE is answered, anything else is for a dialog that is gone.
            await RespondAsync(transaction, transaction.CreateResponse(request.Method == SipMethod.Bye ? 200 : 481)).ConfigureAwait(false);
            return;
        }

        switch (request.Method.Kind)
        {
            case SipMethodKind.Bye:
                await RespondAsync(transaction, transaction.CreateResponse(200)).ConfigureAwait(false);
                if (TryEnd(OutboundCallEndReason.RemoteHangup, "callee hung up"))
                {
                    _caller.Agent.ForgetDialog(this);
                }

                break;
            case SipMethodKind.Info:
                await _responder.OnInfoAsync(transaction, Media).ConfigureAwait(false);
                break;
            case SipMethodKind.Invite:
                await OnReInviteAsync((ServerInviteTransaction)transaction).ConfigureAwait(false);
                break;
            case SipMethodKind.Update when !request.Body.IsEmpty:
                await OnUpdateAsync(transaction).ConfigureAwait(false);
                break;
            case SipMethodKind.Update:
            case SipMethodKind.Options:
                await RespondAsync(transaction, WithAllow(transaction.CreateResponse(200))).ConfigureAwait(false);
                break;
            default:
                await RespondAsync(transaction, WithAllow(transaction.CreateResponse(405))).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>The ACK for our 2xx to a re-INVITE: the retransmissions stop.</summary>
    public void OnAck()
    {
        lock (_gate)
        {
            if (_phase != OutboundCallPhase.AwaitingAck)
            {
                return;
            }

            _phase = OutboundCallPhase.Confirmed;
            _retransmission?.Stop();
        }
    }

    // A re-INVITE: hold (sendonly / 0.0.0.0), resume, or a new address; answered on the same media session.
    private async ValueTask OnReInviteAsync(ServerInviteTransaction transaction)
    {
        var request = transaction.Request;
        SipResponse ok;
        if (request.Body.IsEmpty)
        {
            // No offer: the 2xx offers our current session again (RFC 3264 §8), whose answer in the ACK changes nothing.
            ok = WithSdp(WithAllow(transaction.CreateResponse(200)), CurrentDescription());
        }
        else
        {
            var answer = await AnswerOfferAsync(transaction).ConfigureAwait(false);
            if (answer is null)
            {
                return;
            }

            Dialog.RefreshTarget(request, transaction.Source);
            ok = WithSdp(WithAllow(transaction.CreateResponse(200)), answer);
        }

        lock (_gate)
        {
            if (_phase == OutboundCallPhase.Ended)
            {
                return;
            }

            _phase = OutboundCallPhase.AwaitingAck;
            _retransmission?.Stop();
        }

        if (await RespondAsync(transaction, ok).ConfigureAwait(false))
        {
            RetransmitUntilAck(transaction, ok);
        }
    }

    private async ValueTask OnUpdateAsync(ServerTransaction transaction)
    {
        var answer = await AnswerOfferAsync(transaction).ConfigureAwait(false);
        if (answer is not null)
        {
            Dialog.RefreshTarget(transaction.Request, transaction.Source);
            await RespondAsync(transaction, WithSdp(WithAllow(transaction.CreateResponse(200)), answer)).ConfigureAwait(false);
        }
    }

    /// <summary>Answers the offer in a re-INVITE or UPDATE with the call's one <see cref="OfferAnswer"/> and applies it to the media; null once refused.</summary>
    private async ValueTask<SessionDescription?> AnswerOfferAsync(ServerTransaction transaction)
    {
        if (await _responder.AnswerOfferAsync(transaction).ConfigureAwait(false) is not { IsSuccess: true } result)
        {
            return null;
        }

        lock (_gate)
        {
            _localDescription = result.Answer;
        }

        Media.UpdateMedia(result.Media);
        MediaUpdated(_caller.Logger, CallId, result.Media.RemoteDirection.ToAttributeName(), result.Media.Codec.EncodingName);
        try
        {
            MediaChanged?.Invoke(this, result.Media);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            HandlerFailed(_caller.Logger, ex, CallId);
        }

        return result.Answer;
    }

    // RFC 3261 §13.3.1.4: the 2xx to the callee's re-INVITE is ours to retransmit until its ACK.
    private void RetransmitUntilAck(ServerInviteTransaction transaction, SipResponse ok)
    {
        lock (_gate)
        {
            if (_phase != OutboundCallPhase.AwaitingAck)
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
            return _phase == OutboundCallPhase.AwaitingAck;
        }
    }

    private async Task OnNoAckAsync()
    {
        // §13.3.1.4: no ACK, so the session is to be ended with BYE.
        NoAck(_caller.Logger, CallId);
        await HangupAsync().ConfigureAwait(false);
    }

    private bool TryEnd(OutboundCallEndReason reason, string detail)
    {
        lock (_gate)
        {
            if (_phase == OutboundCallPhase.Ended)
            {
                return false;
            }

            _phase = OutboundCallPhase.Ended;
            _retransmission?.Stop();
        }

        _lifetime.Cancel();
        Media.Dispose();
        var now = _caller.Time.GetUtcNow();
        var end = new OutboundCallEnd(reason, detail, now, now - AnsweredAt);
        CallEnded(_caller.Logger, CallId, detail, end.Duration.TotalSeconds);
        _ended.TrySetResult(end);
        return true;
    }

    private async Task SendByeAsync()
    {
        try
        {
            var response = await SendInDialogAsync(SipMethod.Bye, null).ConfigureAwait(false);
            if (response.StatusCode is 401 or 407 && Authorize(response) is { } authorization)
            {
                // Trunks may challenge a BYE as they did the INVITE (RFC 3261 §22.2).
                response = await SendInDialogAsync(SipMethod.Bye, authorization).ConfigureAwait(false);
            }

            if (!response.IsSuccess)
            {
                ByeRefused(_caller.Logger, CallId, response.StatusCode, response.ReasonPhrase);
            }
        }
        catch (Exception ex) when (ex is SipTransportException or InvalidOperationException or OperationCanceledException)
        {
            // The layer stopped, or the transport cannot reach the callee: the call is over on our side regardless.
            ByeFailed(_caller.Logger, ex, CallId);
        }
    }

    private async Task<SipResponse> SendInDialogAsync(SipMethod method, KeyValuePair<string, string>? authorization)
    {
        var request = Dialog.CreateRequest(method);
        request.Headers.Add(SipHeaderNames.UserAgent, _caller.ProductName);
        if (authorization is { } header)
        {
            request.Headers.Add(header.Key, header.Value);
        }

        var transaction = await _caller.Layer.SendRequestAsync(request, Dialog.RemoteEndPoint).ConfigureAwait(false);
        return await transaction.FinalResponse.ConfigureAwait(false);
    }

    private KeyValuePair<string, string>? Authorize(SipResponse challenge)
    {
        if (_credentials is null)
        {
            return null;
        }

        var proxy = challenge.StatusCode == 407;
        var challenges = new List<DigestChallenge>();
        foreach (var value in challenge.Headers.GetRawValues(proxy ? SipHeaderNames.ProxyAuthenticate : SipHeaderNames.WwwAuthenticate))
        {
            if (DigestChallenge.TryParse(value, out var parsed, out _))
            {
                challenges.Add(parsed);
            }
        }

        var answer = _credentials.Authorize(challenges, SipMethod.Bye.Name, Dialog.RemoteTarget.ToString());
        return answer is null ? null : new(proxy ? SipHeaderNames.ProxyAuthorization : SipHeaderNames.Authorization, answer.ToString());
    }

    private SessionDescription CurrentDescription()
    {
        lock (_gate)
        {
            return _localDescription;
        }
    }

    private SipResponse WithAllow(SipResponse response)
    {
        response.Headers.Set(SipHeaderNames.Contact, "<" + Dialog.LocalContact + ">");
        response.Headers.Set(SipHeaderNames.Allow, SipUserAgent.AllowedMethods);
        response.Headers.Set(SipHeaderNames.Server, _caller.ProductName);
        return response;
    }

    private static SipResponse WithSdp(SipResponse response, SessionDescription sdp) => InDialogResponder.WithSdp(response, sdp);

    private ValueTask<bool> RespondAsync(ServerTransaction transaction, SipResponse response) => _responder.RespondAsync(transaction, response);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallId} ended: {Reason} after {Seconds:F1} s")]
    private static partial void CallEnded(ILogger logger, string callId, string reason, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallId}: callee changed the media, now {Direction} ({Codec})")]
    private static partial void MediaUpdated(ILogger logger, string callId, string direction, string codec);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId}: no ACK for our 200 to the re-INVITE within 64*T1; hanging up")]
    private static partial void NoAck(ILogger logger, string callId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId}: BYE answered {Status} {Reason}")]
    private static partial void ByeRefused(ILogger logger, string callId, int status, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId}: BYE could not be sent")]
    private static partial void ByeFailed(ILogger logger, Exception exception, string callId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId}: a MediaChanged handler failed")]
    private static partial void HandlerFailed(ILogger logger, Exception exception, string callId);
}
