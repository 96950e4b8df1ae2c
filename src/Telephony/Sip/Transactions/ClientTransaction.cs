using System.Threading.Channels;
using CallMyWay.Voice.Telephony.Sip.Messages;
using CallMyWay.Voice.Telephony.Sip.Transport;

namespace CallMyWay.Voice.Telephony.Sip.Transactions;

/// <summary>
/// A client transaction (RFC 3261 §17.1) as the TU sees it: the request sent, every response passed up in
/// <see cref="Responses"/>, and the first final response in <see cref="FinalResponse"/>.
/// </summary>
/// <remarks>
/// A timeout reaches the TU as a 408 and a transport failure as a 503 made up from the request, as RFC 3261
/// §8.1.3.1 tells the UAC core to treat them; <see cref="SipTransaction.Completion"/> tells them from real ones.
/// </remarks>
public abstract class ClientTransaction : SipTransaction
{
    private readonly Channel<SipResponse> _responses = Channel.CreateUnbounded<SipResponse>(new UnboundedChannelOptions { SingleWriter = true });
    private readonly TaskCompletionSource<SipResponse> _finalResponse = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private protected ClientTransaction(TransactionLayer layer, SipRequest request, SipEndPoint destination)
        : base(layer, request, destination.Transport)
    {
        Destination = destination;
        Key = ClientTransactionKey.Of(request);
    }

    /// <summary>Where the request is sent; retransmissions, the ACK for a non-2xx and a CANCEL go there too.</summary>
    public SipEndPoint Destination { get; }

    /// <summary>
    /// Every response passed to the TU, in order: provisional responses, the final response, and for an INVITE every
    /// further 2xx (retransmissions, forks) while Accepted. Completes when the transaction ends.
    /// </summary>
    public ChannelReader<SipResponse> Responses => _responses.Reader;

    /// <summary>The first final response (or the 408/503 standing for a timeout or transport failure); cancelled
    /// only when the layer stops first.</summary>
    public Task<SipResponse> FinalResponse => _finalResponse.Task;

    internal ClientTransactionKey Key { get; }

    /// <summary>Sends the request for the first time and starts the timers.</summary>
    internal abstract ValueTask StartAsync();

    /// <summary>The event "response received" for a response that matched this transaction.</summary>
    internal abstract ValueTask OnResponseAsync(SipResponse response);

    /// <summary>Passes a response to the TU; called under the lock so that the TU sees responses in order.</summary>
    private protected void Deliver(SipResponse response)
    {
        _responses.Writer.TryWrite(response);
        if (response.IsFinal)
        {
            _finalResponse.TrySetResult(response);
        }
    }

    /// <summary>Passes the TU the response RFC 3261 §8.1.3.1 has it assume: 408 for a timeout, 503 for a transport error.</summary>
    private protected void DeliverLocal(int statusCode) => Deliver(SipResponseFactory.CreateResponse(Request, statusCode));

    /// <summary>Entry action of Terminated: no more responses for the TU.</summary>
    private protected void CloseResponses()
    {
        _responses.Writer.TryComplete();
        _finalResponse.TrySetCanceled();
    }
}
