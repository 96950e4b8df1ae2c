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
/// One attempt to place a call, from the INVITE to its final response (RFC 3261 §13.2): answers one digest challenge,
/// reports ringing, plays early media, cancels on the ring timeout or when withdrawn, and turns a 2xx into an
/// <see cref="OutboundCall"/> after acknowledging it. A 2xx it does not keep (a fork, or one that raced our CANCEL) is
/// acknowledged and hung up (RFC 3261 §13.2.2.4).
/// </summary>
internal sealed partial class OutboundInvite
{
    private readonly SipCaller _caller;
    private readonly OutboundCallRequest _request;
    private readonly SipUri _contact;
    private readonly OfferAnswer _offerAnswer;
    private readonly LocalMediaCapabilities _local;
    private readonly SessionDescription _offer;
    private readonly RtpPortPair _ports;
    private readonly CancellationTokenSource _abandon = new();
    private readonly Lock _gate = new();
    private SipRequest _invite;
    private ClientInviteTransaction? _transaction;
    private OutboundCallOutcome? _gaveUp;
    private bool _settled;
    private bool _sentCredentials;
    private int _lastReported;
    private RtpSession? _media;
    private NegotiatedMedia? _earlyAnswer;

    public OutboundInvite(SipCaller caller, OutboundCallRequest request, SipRequest invite, SipUri contact, OfferAnswer offerAnswer, LocalMediaCapabilities local, SessionDescription offer, RtpPortPair ports)
    {
        _caller = caller;
        _request = request;
        _invite = invite;
        _contact = contact;
        _offerAnswer = offerAnswer;
        _local = local;
        _offer = offer;
        _ports = ports;
    }

    private string CallId => _invite.CallId;

    private ILogger Logger => _caller.Logger;

    public async Task<OutboundCallResult> RunAsync(CancellationToken cancellationToken)
    {
        using var ringTimer = new CancellationTokenSource(_request.RingTimeout, _caller.Time);
        using var onRingTimeout = ringTimer.Token.Register(() => GiveUp(OutboundCallOutcome.NoAnswer));
        using var onWithdrawn = cancellationToken.Register(() => GiveUp(OutboundCallOutcome.Cancelled));
        try
        {
            return await InviteAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SipTransportException or InvalidOperationException)
        {
            // The layer stopped or the transport refused outright: nothing more can be sent for this call.
            AttemptFailed(Logger, ex, CallId);
            ReleaseMedia();
            return OutboundCallResult.Failed(CallId, OutboundCallFailure.Transport, 503, ex.Message);
        }
        finally
        {
            _abandon.Dispose();
        }
    }

    private async Task<OutboundCallResult> InviteAsync()
    {
        InviteSent(Logger, CallId, _invite.RequestUri.ToString(), _request.Destination.ToString());
        while (true)
        {
            var transaction = await _caller.Layer.SendInviteAsync(_invite, _request.Destination).ConfigureAwait(false);
            OutboundCallOutcome? gaveUp;
            lock (_gate)
            {
                _transaction = transaction;
                _settled = false;
                gaveUp = _gaveUp;
            }

            if (gaveUp is not null)
            {
                // Given up while the challenge was being answered: cancel as soon as the peer lets us (RFC 3261 §9.1).
                Forget(transaction.CancelAsync());
                StopWaiting();
            }

            var final = await NextFinalResponseAsync(transaction).ConfigureAwait(false);
            if (final is null)
            {
                return Abandoned(transaction);
            }

            if (final.IsSuccess)
            {
                return await OnSuccessAsync(transaction, final).ConfigureAwait(false);
            }

            if (final.StatusCode is 401 or 407 && TryAnswerChallenge(final))
            {
                continue;
            }

            ReleaseMedia();
            var result = Classify(transaction, final);
            AttemptEnded(Logger, CallId, result.Outcome, final.StatusCode, final.ReasonPhrase);
            return result;
        }
    }

    /// <summary>Passes provisional responses on and returns the final one; null when we stopped waiting or the layer stopped.</summary>
    private async Task<SipResponse?> NextFinalResponseAsync(ClientInviteTransaction transaction)
    {
        var responses = transaction.Responses;
        try
        {
            while (await responses.WaitToReadAsync(_abandon.Token).ConfigureAwait(false))
            {
                while (responses.TryRead(out var response))
                {
                    if (response.IsFinal)
                    {
                        lock (_gate)
                        {
                            _settled = true;
                        }

                        return response;
                    }

                    OnProvisional(response);
                }
            }
        }
        catch (OperationCanceledException) when (_abandon.IsCancellationRequested)
        {
            // Given up before the peer said anything: a CANCEL cannot go yet (RFC 3261 §9.1) and waiting for Timer B helps nobody.
        }

        return null;
    }

    private void OnProvisional(SipResponse response)
    {
        if (response.StatusCode == 100)
        {
            return;
        }

        var early = false;
        if (HasSdp(response))
        {
            if (ReadAnswer(response, out var answer, out var error))
            {
                StartEarlyMedia(answer);
                early = true;
            }
            else
            {
                UnusableEarlyMedia(Logger, CallId, error);
            }
        }

        if (response.StatusCode != _lastReported)
        {
            _lastReported = response.StatusCode;
            Progress(Logger, CallId, response.StatusCode, response.ReasonPhrase, early);
        }

        try
        {
            _request.Ringing?.Invoke(new OutboundCallProgress(CallId, response.StatusCode, response.ReasonPhrase, _media));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            CallbackFailed(Logger, ex, CallId);
        }
    }

    // RFC 3261 §13.2.1 lets the UAS repeat its answer in provisional responses: the carrier's ringback or
    // announcements play before the answer, and the session simply carries on when the 2xx comes.
    private void StartEarlyMedia(NegotiatedMedia answer)
    {
        _earlyAnswer = answer;
        if (_media is { } media)
        {
            media.UpdateMedia(answer);
            return;
        }

        _media = _caller.Media.CreateSession(_ports, answer);
        _media.Start();
    }

    private async Task<OutboundCallResult> OnSuccessAsync(ClientInviteTransaction transaction, SipResponse final)
    {
        var acks = new Dictionary<string, (SipRequest Ack, SipEndPoint Destination)>(StringComparer.Ordinal);
        OutboundCallOutcome? gaveUp;
        lock (_gate)
        {
            gaveUp = _gaveUp;
        }

        if (gaveUp is { } outcome || final.To.Tag is null)
        {
            // The answer lost the race with our CANCEL (or cannot form a dialog): acknowledge it, then hang up.
            await RefuseSuccessAsync(final, acks).ConfigureAwait(false);
            _ = AcknowledgeLateSuccessesAsync(transaction, acks);
            ReleaseMedia();
            var result = gaveUp is { } reason
                ? OutboundCallResult.Ended(CallId, reason, final.StatusCode, "Answered after we gave up; hung up")
                : OutboundCallResult.Failed(CallId, OutboundCallFailure.UnusableAnswer, final.StatusCode, "2xx without a To tag");
            AttemptEnded(Logger, CallId, result.Outcome, final.StatusCode, result.ReasonPhrase);
            return result;
        }

        var dialog = SipDialog.ForClient(_invite, final, _request.Destination, _contact);
        var ack = CreateAck(dialog);
        acks[dialog.Id.RemoteTag] = (ack, dialog.RemoteEndPoint);
        await SendAckAsync(ack, dialog.RemoteEndPoint).ConfigureAwait(false);

        // RFC 3261 §13.2.1: the answer is in the 2xx; a 2xx without SDP leaves the one from early media in force.
        NegotiatedMedia? negotiated;
        var error = "The 2xx has no SDP answer";
        if (HasSdp(final))
        {
            negotiated = ReadAnswer(final, out var answer, out error) ? answer : null;
        }
        else
        {
            negotiated = _earlyAnswer;
        }

        if (negotiated is null)
        {
            await SendByeAsync(dialog).ConfigureAwait(false);
            _ = AcknowledgeLateSuccessesAsync(transaction, acks);
            ReleaseMedia();
            UnusableAnswer(Logger, CallId, error);
            return OutboundCallResult.Failed(CallId, OutboundCallFailure.UnusableAnswer, final.StatusCode, error);
        }

        RtpSession media;
        if (_media is { } early)
        {
            early.UpdateMedia(negotiated);
            media = early;
        }
        else
        {
            media = _caller.Media.CreateSession(_ports, negotiated);
            media.Start();
        }

        var call = new OutboundCall(_caller, dialog, _request.Credentials, _offerAnswer, _local, _offer, media);
        if (!_caller.Agent.RegisterDialog(call))
        {
            // Random tags and Call-IDs do not collide; if they ever do, the dialog is not ours to keep.
            await SendByeAsync(dialog).ConfigureAwait(false);
            _ = AcknowledgeLateSuccessesAsync(transaction, acks);
            media.Dispose();
            return OutboundCallResult.Failed(CallId, OutboundCallFailure.UnusableAnswer, final.StatusCode, "Dialog already in use");
        }

        _ = AcknowledgeLateSuccessesAsync(transaction, acks);
        Answered(Logger, CallId, final.StatusCode, negotiated.Codec.EncodingName, negotiated.RemoteRtpEndPoint?.ToString());
        return OutboundCallResult.Answered(call, final.StatusCode, final.ReasonPhrase);
    }

    /// <summary>
    /// RFC 3261 §13.2.2.4 and RFC 6026 §7.2: the transaction passes up every 2xx until Timer M. The one we kept gets
    /// the same ACK again (its retransmissions); any other is a fork or came after we gave up, and gets an ACK and a BYE.
    /// </summary>
    private async Task AcknowledgeLateSuccessesAsync(ClientInviteTransaction transaction, Dictionary<string, (SipRequest Ack, SipEndPoint Destination)> acks)
    {
        try
        {
            await foreach (var response in transaction.Responses.ReadAllAsync().ConfigureAwait(false))
            {
                if (!response.IsSuccess || response.To.Tag is not { } tag)
                {
                    continue;
                }

                if (acks.TryGetValue(tag, out var sent))
                {
                    await SendAckAsync(sent.Ack, sent.Destination).ConfigureAwait(false);
                    continue;
                }

                await RefuseSuccessAsync(response, acks).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            AckFailed(Logger, ex, CallId);
        }
    }

    private async Task RefuseSuccessAsync(SipResponse response, Dictionary<string, (SipRequest Ack, SipEndPoint Destination)> acks)
    {
        if (response.To.Tag is not { } tag)
        {
            return;
        }

        var dialog = SipDialog.ForClient(_invite, response, _request.Destination, _contact);
        var ack = CreateAck(dialog);
        acks[tag] = (ack, dialog.RemoteEndPoint);
        await SendAckAsync(ack, dialog.RemoteEndPoint).ConfigureAwait(false);
        await SendByeAsync(dialog).ConfigureAwait(false);
    }

    // RFC 3261 §13.2.2.4: an in-dialog request with the INVITE's CSeq number, and the INVITE's credentials.
    private SipRequest CreateAck(SipDialog dialog)
    {
        var ack = dialog.CreateAck(_invite.CSeq.Number);
        foreach (var name in (ReadOnlySpan<string>)[SipHeaderNames.Authorization, SipHeaderNames.ProxyAuthorization])
        {
            foreach (var value in _invite.Headers.GetRawValues(name))
            {
                ack.Headers.Add(name, value);
            }
        }

        ack.Headers.Add(SipHeaderNames.UserAgent, _caller.ProductName);
        return ack;
    }

    private async Task SendAckAsync(SipRequest ack, SipEndPoint destination)
    {
        try
        {
            await _caller.Layer.SendAckAsync(ack, destination).ConfigureAwait(false);
        }
        catch (SipTransportException ex)
        {
            // The 2xx will come again and get the ACK again (RFC 3261 §13.2.2.4).
            AckFailed(Logger, ex, CallId);
        }
    }

    private async Task SendByeAsync(SipDialog dialog)
    {
        var bye = dialog.CreateRequest(SipMethod.Bye);
        bye.Headers.Add(SipHeaderNames.UserAgent, _caller.ProductName);
        await _caller.Layer.SendRequestAsync(bye, dialog.RemoteEndPoint).ConfigureAwait(false);
    }

    /// <summary>
    /// Re-sends the INVITE with credentials for the challenge (RFC 3261 §22.2): a new transaction (the layer gives it
    /// a new branch), the same Call-ID, From tag and body, CSeq one higher. Only once: a second challenge means the
    /// credentials are wrong.
    /// </summary>
    private bool TryAnswerChallenge(SipResponse challenge)
    {
        OutboundCallOutcome? gaveUp;
        lock (_gate)
        {
            gaveUp = _gaveUp;
        }

        if (_sentCredentials || _request.Credentials is not { } credentials || gaveUp is not null)
        {
            return false;
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

        var answer = credentials.Authorize(challenges, SipMethod.Invite.Name, _invite.RequestUri.ToString());
        if (answer is null)
        {
            ChallengeUnanswerable(Logger, CallId, challenge.StatusCode);
            return false;
        }

        var retry = new SipRequest(SipMethod.Invite, _invite.RequestUri, _invite.Headers.Clone(), _invite.Body);
        retry.Headers.Remove(SipHeaderNames.Via);
        retry.CSeq = new CSeq(_invite.CSeq.Number + 1, SipMethod.Invite);
        retry.Headers.Add(proxy ? SipHeaderNames.ProxyAuthorization : SipHeaderNames.Authorization, answer.ToString());
        _invite = retry;
        _sentCredentials = true;
        ChallengeAnswered(Logger, CallId, challenge.StatusCode, answer.Realm);
        return true;
    }

    private OutboundCallResult Classify(ClientInviteTransaction transaction, SipResponse final)
    {
        OutboundCallOutcome? gaveUp;
        lock (_gate)
        {
            gaveUp = _gaveUp;
        }

        var code = final.StatusCode;
        var reason = final.ReasonPhrase;

        // Reading State waits for the transaction's lock, so a response it made up itself (RFC 3261 §8.1.3.1) has
        // ended it by now with the outcome that tells it from the peer's own 408 or 503.
        var local = transaction.State == ClientInviteState.Terminated && transaction.Completion.IsCompletedSuccessfully
            ? transaction.Completion.Result
            : TransactionOutcome.Finished;
        return code switch
        {
            487 or 401 or 407 when gaveUp is { } outcome => OutboundCallResult.Ended(CallId, outcome, code, reason),
            _ when local == TransactionOutcome.TransportFailed => OutboundCallResult.Failed(CallId, OutboundCallFailure.Transport, code, "The INVITE could not be sent"),
            408 when local == TransactionOutcome.TimedOut => OutboundCallResult.Failed(CallId, OutboundCallFailure.Timeout, code, "No response (Timer B)"),
            401 or 407 => OutboundCallResult.Failed(CallId, OutboundCallFailure.Authentication, code, reason),
            403 when _sentCredentials => OutboundCallResult.Failed(CallId, OutboundCallFailure.Authentication, code, reason),
            486 or 600 => OutboundCallResult.Ended(CallId, OutboundCallOutcome.Busy, code, reason),
            _ => OutboundCallResult.Ended(CallId, OutboundCallOutcome.Rejected, code, reason),
        };
    }

    private OutboundCallResult Abandoned(ClientInviteTransaction transaction)
    {
        OutboundCallOutcome? gaveUp;
        lock (_gate)
        {
            gaveUp = _gaveUp;
        }

        // The transaction runs on: a provisional response now triggers the CANCEL, and a late 2xx is acknowledged and hung up.
        _ = AcknowledgeLateSuccessesAsync(transaction, new Dictionary<string, (SipRequest Ack, SipEndPoint Destination)>(StringComparer.Ordinal));
        ReleaseMedia();
        var result = gaveUp switch
        {
            OutboundCallOutcome.NoAnswer => OutboundCallResult.Failed(CallId, OutboundCallFailure.Timeout, 408, "No response within the ring timeout"),
            OutboundCallOutcome.Cancelled => OutboundCallResult.Ended(CallId, OutboundCallOutcome.Cancelled, 0, "Withdrawn before any response"),
            _ => OutboundCallResult.Failed(CallId, OutboundCallFailure.Transport, 503, "The SIP stack stopped"),
        };
        AttemptEnded(Logger, CallId, result.Outcome, result.StatusCode, result.ReasonPhrase);
        return result;
    }

    /// <summary>The ring timeout passed or the caller withdrew the call: CANCEL it (RFC 3261 §9.1), once.</summary>
    private void GiveUp(OutboundCallOutcome outcome)
    {
        ClientInviteTransaction? transaction;
        lock (_gate)
        {
            if (_gaveUp is not null)
            {
                return;
            }

            // With a final response in hand, whoever handles it reads _gaveUp: a 2xx is then hung up, a challenge not answered.
            _gaveUp = outcome;
            if (_settled)
            {
                return;
            }

            transaction = _transaction;
        }

        GivingUp(Logger, CallId, outcome);
        if (transaction is not null)
        {
            Forget(transaction.CancelAsync());
        }

        // The transaction's own state, not what this attempt has read so far, says whether the peer has spoken.
        if (transaction is null || transaction.State == ClientInviteState.Calling)
        {
            StopWaiting();
        }
    }

    private void StopWaiting()
    {
        try
        {
            _abandon.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The attempt finished meanwhile.
        }
    }

    private bool ReadAnswer(SipResponse response, out NegotiatedMedia answer, out string error)
    {
        answer = null!;
        if (!SessionDescription.TryParse(response.Body.Span, out var sdp, out var parseError))
        {
            error = "Bad SDP: " + parseError;
            return false;
        }

        if (!OfferAnswer.TryReadAnswer(_offer, sdp!, out var media, out error))
        {
            return false;
        }

        answer = media;
        return true;
    }

    private static bool HasSdp(SipResponse response) =>
        !response.Body.IsEmpty
        && string.Equals(response.ContentType?.Split(';')[0].Trim(), "application/sdp", StringComparison.OrdinalIgnoreCase);

    private void ReleaseMedia()
    {
        if (_media is { } media)
        {
            media.Dispose();
        }
        else
        {
            _ports.Dispose();
        }
    }

    private void Forget(ValueTask task)
    {
        if (task.IsCompletedSuccessfully)
        {
            return;
        }

        _ = ObserveAsync(task);
    }

    private async Task ObserveAsync(ValueTask task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SipTransportException or InvalidOperationException)
        {
            CancelFailed(Logger, ex, CallId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallId}: INVITE to {Target} via {Destination}")]
    private static partial void InviteSent(ILogger logger, string callId, string target, string destination);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallId}: {Status} {Reason} (early media: {EarlyMedia})")]
    private static partial void Progress(ILogger logger, string callId, int status, string reason, bool earlyMedia);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallId}: answering the {Status} challenge for realm {Realm}")]
    private static partial void ChallengeAnswered(ILogger logger, string callId, int status, string realm);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId}: cannot answer the {Status} challenge")]
    private static partial void ChallengeUnanswerable(ILogger logger, string callId, int status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallId}: giving up ({Outcome}); cancelling")]
    private static partial void GivingUp(ILogger logger, string callId, OutboundCallOutcome outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallId} answered with {Status} ({Codec}, media to {MediaEndPoint})")]
    private static partial void Answered(ILogger logger, string callId, int status, string codec, string? mediaEndPoint);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallId} not answered: {Outcome} {Status} {Reason}")]
    private static partial void AttemptEnded(ILogger logger, string callId, OutboundCallOutcome outcome, int status, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId}: unusable answer, hanging up: {Reason}")]
    private static partial void UnusableAnswer(ILogger logger, string callId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId}: unusable early media SDP: {Reason}")]
    private static partial void UnusableEarlyMedia(ILogger logger, string callId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId} failed")]
    private static partial void AttemptFailed(ILogger logger, Exception exception, string callId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId}: ACK could not be sent")]
    private static partial void AckFailed(ILogger logger, Exception exception, string callId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId}: CANCEL could not be sent")]
    private static partial void CancelFailed(ILogger logger, Exception exception, string callId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId}: the Ringing callback failed")]
    private static partial void CallbackFailed(ILogger logger, Exception exception, string callId);
}
