using CallMyWay.Voice.Telephony.Sip.Messages;
using CallMyWay.Voice.Telephony.Sip.Transport;

namespace CallMyWay.Voice.Telephony.Sip.Transactions;

/// <summary>
/// A server transaction (RFC 3261 §17.2) as the TU sees it: the request, where it came from, and
/// <see cref="RespondAsync(SipResponse)"/>, through which every response to it is sent.
/// </summary>
/// <remarks>
/// Once the final response is sent the transaction keeps only what the rest of its job needs (RFC 3261 §17.2.1,
/// §17.2.2, RFC 6026 §7.1): its key, the CSeq that the TU's 2xx retransmissions must carry, the To tags that ACKs
/// and CANCELs are matched and answered with (an INVITE's), and the final response only where a retransmitted
/// request gets it again. The request, with its body, goes; see <see cref="SipTransaction.Request"/>.
/// </remarks>
public abstract class ServerTransaction : SipTransaction
{
    private readonly CSeq _cseq;
    private readonly SipMethod _method;
    private readonly string? _requestToTag;
    private volatile SipResponse? _lastResponse;
    private string? _localTag;

    private protected ServerTransaction(TransactionLayer layer, SipRequest request, SipEndPoint source, SipEndPoint local, SipEndPoint responseDestination)
        : base(layer, request, source.Transport)
    {
        Source = source;
        Local = local;
        ResponseDestination = responseDestination;
        _cseq = request.CSeq;
        _method = request.Method;
        _requestToTag = request.To.Tag;
    }

    /// <summary>Where the request came from: the real packet source, and over TCP the connection.</summary>
    public SipEndPoint Source { get; }

    /// <summary>The local end point the request arrived on.</summary>
    public SipEndPoint Local { get; }

    /// <summary>Where this transaction's responses go (see <see cref="TransactionLayerOptions.ResponseDestination"/>).</summary>
    public SipEndPoint ResponseDestination { get; }

    /// <summary>The response a retransmitted request gets again: the latest provisional one while the TU works, the
    /// final one while Completed; null before any and once nothing is resent any more (an INVITE's 2xx is the TU's
    /// to retransmit, RFC 6026 §7.1).</summary>
    public SipResponse? LastResponse
    {
        get => _lastResponse;
        private protected set => _lastResponse = value;
    }

    /// <summary>Whether a final response has been sent.</summary>
    public abstract bool HasFinalResponse { get; }

    /// <summary>
    /// A To tag for this transaction's responses (RFC 3261 §8.2.6.2), drawn once; <see cref="CreateResponse"/> uses it,
    /// and the 200 to a CANCEL carries it too (§9.2) unless an earlier response set another.
    /// </summary>
    public string LocalTag
    {
        get
        {
            var tag = Volatile.Read(ref _localTag);
            return tag ?? Interlocked.CompareExchange(ref _localTag, SipIdentifiers.NewTag(), null) ?? _localTag!;
        }
    }

    /// <summary>The To tag of the request (RFC 2543 matching compares it, §17.2.3).</summary>
    internal string? RequestToTag => _requestToTag;

    internal ServerTransactionKey? Key { get; init; }

    internal LegacyTransactionKey? LegacyKey { get; init; }

    /// <summary>A response to the request with <see cref="LocalTag"/> as To tag (none on a 100, none added when the
    /// request already had one), ready for headers and body to be added. Build the final response before sending it:
    /// after that the request is gone and this throws <see cref="InvalidOperationException"/>.</summary>
    public SipResponse CreateResponse(int statusCode, string? reasonPhrase = null) =>
        SipResponseFactory.CreateResponse(Request, statusCode, reasonPhrase, LocalTag);

    /// <summary>Sends <see cref="CreateResponse"/>(<paramref name="statusCode"/>, <paramref name="reasonPhrase"/>); false,
    /// sending nothing, once a final response has been sent, since the request is gone by then.</summary>
    public ValueTask<bool> RespondAsync(int statusCode, string? reasonPhrase = null) =>
        RequestIfKept is { } request
            ? RespondAsync(SipResponseFactory.CreateResponse(request, statusCode, reasonPhrase, LocalTag))
            : ValueTask.FromResult(false);

    /// <summary>
    /// Sends a response from the TU, moving the state machine on. Returns false, sending nothing, when the state no
    /// longer takes it (a final response was already sent, or the transaction has ended). A transport failure is
    /// thrown as <see cref="SipTransportException"/> after the transaction has dealt with it (RFC 3261 §17.2.4).
    /// </summary>
    public async ValueTask<bool> RespondAsync(SipResponse response)
    {
        CheckBelongs(response);
        lock (Gate)
        {
            if (!OnResponseFromUser(response))
            {
                return false;
            }
        }

        await SendAsync(response, ResponseDestination, retransmission: false, rethrow: true).ConfigureAwait(false);
        return true;
    }

    /// <summary><see cref="CreateResponse"/>, or null once the request has been let go (a final response was sent
    /// meanwhile), for a layer that answers on the TU's behalf.</summary>
    internal SipResponse? TryCreateResponse(int statusCode) =>
        RequestIfKept is { } request ? SipResponseFactory.CreateResponse(request, statusCode, reasonPhrase: null, LocalTag) : null;

    /// <summary>The event "request retransmission received" (for an INVITE transaction, of the INVITE): the last
    /// response is sent again in the states that resend it, the retransmission absorbed in any case.</summary>
    internal ValueTask OnRetransmissionAsync()
    {
        SipResponse? resend;
        lock (Gate)
        {
            resend = ResendsLastResponse ? LastResponse : null;
        }

        Layer.Counters.RequestAbsorbed();
        return resend is null ? ValueTask.CompletedTask : SendAsync(resend, ResponseDestination, retransmission: true, rethrow: false);
    }

    /// <summary>The event "response from the TU", under the lock: moves the state machine; false when the state refuses it.</summary>
    private protected abstract bool OnResponseFromUser(SipResponse response);

    /// <summary>Whether the current state answers a request retransmission with the last response; read under the lock.</summary>
    private protected abstract bool ResendsLastResponse { get; }

    private void CheckBelongs(SipResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var cseq = response.CSeq;
        if (cseq.Number != _cseq.Number || cseq.Method != _method)
        {
            throw new ArgumentException($"A response with CSeq '{cseq}' does not answer '{_cseq}'.", nameof(response));
        }
    }
}
