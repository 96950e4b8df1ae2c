using System.Collections.Concurrent;
using System.Globalization;
using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Domain.Numbers;
using CallMyWay.Voice.Telephony.Calls;
using CallMyWay.Voice.Telephony.Media.Engine;
using CallMyWay.Voice.Telephony.Media.Prompts;
using CallMyWay.Voice.Telephony.Sdp;
using CallMyWay.Voice.Telephony.Sip.Dialogs;
using CallMyWay.Voice.Telephony.Sip.Messages;
using CallMyWay.Voice.Telephony.Sip.Registrar;
using CallMyWay.Voice.Telephony.Sip.Transactions;
using CallMyWay.Voice.Telephony.Sip.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallMyWay.Voice.Telephony.Sip.UserAgent;

/// <summary>
/// The desk's SIP user agent core (the transaction user): answers calls to the DIDs from allowed sources with the
/// IVR, answers OPTIONS, routes in-dialog requests to their call, and refuses everything else with the right code
/// (CONTRACT.md, SIP): unknown number 404, source not allowed 403, no common codec 488, unknown method 501.
/// </summary>
public sealed partial class SipUserAgent : ISipTransactionUser
{
    /// <summary>The methods the desk implements, for Allow headers.</summary>
    public const string AllowedMethods = "INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, UPDATE, REGISTER";

    /// <summary>The option tags the desk implements (RFC 3261 §8.2.2.3; timer is RFC 4028).</summary>
    public static readonly IReadOnlySet<string> SupportedOptions = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "timer" };

    private readonly ConcurrentDictionary<DialogId, IDialogUsage> _dialogs = new();

    // RFC 3261 §8.2.2.2: the branch each (Call-ID, From tag, CSeq) of a live INVITE arrived with, to spot merged requests.
    private readonly ConcurrentDictionary<(string CallId, string FromTag, uint CSeq), string> _invites = new();
    private readonly SipTransportLayer _transport;
    private readonly NumberPlan _numbers;
    private readonly SourcePolicy _sources;
    private readonly SipRegistrar? _registrar;
    private readonly InviteAuthenticator? _authenticator;

    public SipUserAgent(
        TransactionLayer layer,
        SipTransportLayer transport,
        MediaEngine media,
        PromptLibrary prompts,
        NumberPlan numbers,
        SourcePolicy sources,
        ICallApplication application,
        CallRegistry registry,
        IOptions<SipUserAgentOptions> options,
        TimeProvider time,
        ILogger<SipUserAgent> logger,
        SipRegistrar? registrar = null,
        InviteAuthenticator? authenticator = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Layer = layer;
        _transport = transport;
        Media = media;
        Prompts = prompts;
        _numbers = numbers;
        _sources = sources;
        Application = application;
        Registry = registry;
        Options = options.Value;
        Time = time;
        Logger = logger;
        _registrar = registrar;
        _authenticator = authenticator;
    }

    public int ActiveDialogs => _dialogs.Count;

    internal TransactionLayer Layer { get; }
    internal MediaEngine Media { get; }
    internal PromptLibrary Prompts { get; }
    internal ICallApplication Application { get; }
    internal CallRegistry Registry { get; }
    internal SipUserAgentOptions Options { get; }
    internal TimeProvider Time { get; }
    internal ILogger Logger { get; }
    internal SipTransportLayer Transport => _transport;

    public ValueTask OnRequestAsync(ServerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var request = transaction.Request;
        if (request.To.Tag is { } tag)
        {
            return OnInDialogRequestAsync(transaction, tag);
        }

        return request.Method.Kind switch
        {
            SipMethodKind.Invite => OnNewInviteAsync((ServerInviteTransaction)transaction),
            SipMethodKind.Options => Respond(transaction, WithCapabilities(transaction.CreateResponse(200))),
            SipMethodKind.Register when _registrar is not null => _registrar.HandleAsync(transaction),
            SipMethodKind.Bye or SipMethodKind.Info or SipMethodKind.Update or SipMethodKind.Prack => Respond(transaction, transaction.CreateResponse(481)),
            SipMethodKind.Extension => Respond(transaction, WithCapabilities(transaction.CreateResponse(501))),
            _ => Respond(transaction, WithCapabilities(transaction.CreateResponse(405))),
        };
    }

    public ValueTask OnAckAsync(SipRequest ack, SipEndPoint source)
    {
        ArgumentNullException.ThrowIfNull(ack);
        if (ack.To.Tag is { } localTag && _dialogs.TryGetValue(new DialogId(ack.CallId, localTag, ack.From.Tag ?? string.Empty), out var call))
        {
            call.OnAck();
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask OnCancelAsync(ServerInviteTransaction transaction, SipRequest cancel)
    {
        // The ringing call waits on transaction.CancellationRequested and answers 487 itself.
        ArgumentNullException.ThrowIfNull(cancel);
        // The CANCEL carries the same Call-ID (RFC 3261 §9.1); the INVITE itself may already be answered and let go.
        CallCancelled(Logger, cancel.CallId);
        return ValueTask.CompletedTask;
    }

    public ValueTask OnStrayInviteSuccessAsync(SipResponse response, SipEndPoint source) => ValueTask.CompletedTask;

    internal SipResponse WithCapabilities(SipResponse response)
    {
        response.Headers.Set(SipHeaderNames.Allow, AllowedMethods);
        response.Headers.Set(SipHeaderNames.Accept, "application/sdp, application/dtmf-relay, application/dtmf");
        response.Headers.Set(SipHeaderNames.Supported, "timer");
        response.Headers.Set(SipHeaderNames.Server, Options.ProductName);
        return response;
    }

    internal SipResponse NotAcceptable(ServerTransaction transaction, SdpAnswerResult result) => InDialogResponder.NotAcceptable(transaction, result, _transport);

    /// <summary>Routes the dialog's requests to <paramref name="usage"/> from now on; false if the dialog is already known.</summary>
    public bool RegisterDialog(IDialogUsage usage)
    {
        ArgumentNullException.ThrowIfNull(usage);
        return _dialogs.TryAdd(usage.Dialog.Id, usage);
    }

    /// <summary>The dialog ended: its requests get 481 from now on.</summary>
    public void ForgetDialog(IDialogUsage usage)
    {
        ArgumentNullException.ThrowIfNull(usage);
        _dialogs.TryRemove(new KeyValuePair<DialogId, IDialogUsage>(usage.Dialog.Id, usage));
    }

    private async ValueTask OnNewInviteAsync(ServerInviteTransaction transaction)
    {
        var request = transaction.Request;
        var unsupported = request.Headers.GetAll(SipHeaderNames.Require).Where(tag => !SupportedOptions.Contains(tag.Trim())).ToList();
        if (unsupported.Count > 0)
        {
            var refusal = WithCapabilities(transaction.CreateResponse(420));
            refusal.Headers.Set(SipHeaderNames.Unsupported, string.Join(", ", unsupported));
            await Respond(transaction, refusal).ConfigureAwait(false);
            return;
        }

        var merged = (request.CallId, request.From.Tag ?? string.Empty, request.CSeq.Number);
        var branch = request.Vias[0].Branch ?? string.Empty;
        if (!_invites.TryAdd(merged, branch) && _invites.TryGetValue(merged, out var first) && first != branch)
        {
            await Respond(transaction, transaction.CreateResponse(482, "Loop Detected")).ConfigureAwait(false);
            return;
        }

        try
        {
            await AcceptInviteAsync(transaction).ConfigureAwait(false);
        }
        finally
        {
            // The transaction layer absorbs retransmissions from here on; the key only guards the first moments.
            _ = Layer.Scheduler.Schedule(Layer.Timers.TimerH, () => _invites.TryRemove(merged, out _));
        }
    }

    private async ValueTask AcceptInviteAsync(ServerInviteTransaction transaction)
    {
        var request = transaction.Request;
        if (request.Headers.GetFirst(SipHeaderNames.SessionExpires) is { } sessionExpires
            && SessionExpires.TryParse(sessionExpires, out var interval) && interval.Seconds < SessionExpires.MinimumSeconds)
        {
            var tooBrief = transaction.CreateResponse(422);
            tooBrief.Headers.Set("Min-SE", SessionExpires.MinimumSeconds.ToString(CultureInfo.InvariantCulture));
            await Respond(transaction, tooBrief).ConfigureAwait(false);
            return;
        }

        var dialled = request.RequestUri.User ?? request.To.User;
        var did = _numbers.Find(dialled);
        if (did is null)
        {
            Refused(Logger, request.CallId, 404, dialled ?? "(none)", transaction.Source.ToString());
            await Respond(transaction, transaction.CreateResponse(404, "Not a CallMyWay number")).ConfigureAwait(false);
            return;
        }

        if (!_sources.Allows(transaction.Source.Address.Address))
        {
            var refusal = _authenticator is null
                ? transaction.CreateResponse(403, "Source not allowed")
                : await _authenticator.CheckAsync(transaction, CancellationToken.None).ConfigureAwait(false);
            if (refusal is not null)
            {
                Refused(Logger, request.CallId, refusal.StatusCode, did.E164, transaction.Source.ToString());
                await Respond(transaction, refusal).ConfigureAwait(false);
                return;
            }
        }

        if (request.Body.IsEmpty || !string.Equals(request.ContentType?.Split(';')[0].Trim(), "application/sdp", StringComparison.OrdinalIgnoreCase))
        {
            await Respond(transaction, WithCapabilities(transaction.CreateResponse(488, "SDP offer required"))).ConfigureAwait(false);
            return;
        }

        if (!SessionDescription.TryParse(request.Body.Span, out var offer, out var sdpError))
        {
            await Respond(transaction, transaction.CreateResponse(400, "Bad SDP: " + sdpError)).ConfigureAwait(false);
            return;
        }

        if (!Media.TryAllocatePorts(out var ports))
        {
            await Respond(transaction, WithRetryAfter(transaction.CreateResponse(503, "No media ports free"))).ConfigureAwait(false);
            return;
        }

        var host = _transport.AdvertisedHostFor(transaction.Source.Address.Address);
        var local = new LocalMediaCapabilities(host, ports.RtpPort);
        var offerAnswer = new OfferAnswer();
        var answer = offerAnswer.Answer(offer!, local);
        if (!answer.IsSuccess)
        {
            ports.Dispose();
            Refused(Logger, request.CallId, 488, did.E164, answer.Reason);
            await Respond(transaction, NotAcceptable(transaction, answer)).ConfigureAwait(false);
            return;
        }

        var contact = new SipUri(host, transaction.Local.Address.Port, NumberPlan.DigitsOf(did.E164));
        if (transaction.Local.Transport == SipTransportKind.Tcp)
        {
            contact = contact.WithParameter("transport", "tcp");
        }

        var dialog = SipDialog.ForServer(request, transaction.LocalTag, transaction.Source, contact);
        var call = new InboundCall(this, transaction, dialog, did, offerAnswer, local, ports, answer, CaseChannel.Phone);
        if (!RegisterDialog(call))
        {
            ports.Dispose();
            await Respond(transaction, transaction.CreateResponse(482, "Loop Detected")).ConfigureAwait(false);
            return;
        }

        // The call rings, answers and runs the IVR on its own; the transport's receive path must not wait for it.
        _ = Task.Run(call.RunAsync);
    }

    private async ValueTask OnInDialogRequestAsync(ServerTransaction transaction, string localTag)
    {
        var request = transaction.Request;
        if (_dialogs.TryGetValue(new DialogId(request.CallId, localTag, request.From.Tag ?? string.Empty), out var call))
        {
            await call.OnRequestAsync(transaction).ConfigureAwait(false);
            return;
        }

        // RFC 3261 §12.2.2: a request for a dialog we do not know.
        await Respond(transaction, transaction.CreateResponse(481)).ConfigureAwait(false);
    }

    private static SipResponse WithRetryAfter(SipResponse response)
    {
        response.Headers.Set("Retry-After", "5");
        return response;
    }

    private async ValueTask Respond(ServerTransaction transaction, SipResponse response)
    {
        try
        {
            await transaction.RespondAsync(response).ConfigureAwait(false);
        }
        catch (SipTransportException ex)
        {
            // The transaction has let go of its request by now; the response carries the same Call-ID.
            ResponseFailed(Logger, ex, response.Headers.GetFirst(SipHeaderNames.CallId) ?? "(none)", response.StatusCode);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "INVITE {CallId} refused with {Status}: {Target} from {Source}")]
    private static partial void Refused(ILogger logger, string callId, int status, string target, string source);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallId} cancelled by the caller")]
    private static partial void CallCancelled(ILogger logger, string callId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{CallId}: response {Status} could not be sent")]
    private static partial void ResponseFailed(ILogger logger, Exception exception, string callId, int status);
}
