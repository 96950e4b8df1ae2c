using System.Globalization;
using CallMyWay.Voice.Telephony.Sip.Messages;
using CallMyWay.Voice.Telephony.Sip.Transport;

namespace CallMyWay.Voice.Telephony.Sip.Transactions;

/// <summary>
/// What every transaction shares (RFC 3261 §17): the request that created it, whether its transport is reliable,
/// a lock that serializes its events, and how it ended.
/// </summary>
/// <remarks>
/// Each subclass is an explicit state machine: an enum of states, one method per event (a message from the network,
/// a response from the TU, a timer, a transport error) that decides under the lock, and one <c>TransitionTo</c> that
/// holds every state's entry actions. Messages are sent after the lock is released.
/// </remarks>
public abstract class SipTransaction
{
    private readonly TaskCompletionSource<TransactionOutcome> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile SipRequest? _request;

    private protected SipTransaction(TransactionLayer layer, SipRequest request, SipTransportKind transport)
    {
        Layer = layer;
        _request = request;
        Branch = request.Vias[0].Branch;
        IsReliable = transport == SipTransportKind.Tcp;
    }

    /// <summary>The request that created the transaction.</summary>
    /// <remarks>A server transaction lets go of it once its final response is sent (see
    /// <see cref="ServerTransaction.HasFinalResponse"/>): what is left of its job needs no request, and a finished
    /// transaction waits out Timer J or L for 32 s. Read what you need of it before answering.</remarks>
    /// <exception cref="InvalidOperationException">The server transaction has sent its final response.</exception>
    public SipRequest Request => _request ?? throw new InvalidOperationException(
        "A server transaction lets go of its request once its final response is sent; read what you need of it before answering.");

    /// <summary>The branch of the request's top Via; null for an RFC 2543 request without one.</summary>
    public string? Branch { get; }

    /// <summary>Whether the transport is reliable (TCP), which turns retransmissions off and some timers to 0.</summary>
    public bool IsReliable { get; }

    /// <summary>Completes when the transaction is terminated and has left the layer, telling how it ended.</summary>
    public Task<TransactionOutcome> Completion => _completion.Task;

    private protected Lock Gate { get; } = new();

    private protected TransactionLayer Layer { get; }

    private protected SipTimers Timers => Layer.Timers;

    /// <summary>Drops the request, which only the TU needed (see <see cref="Request"/>).</summary>
    private protected void ReleaseRequest() => _request = null;

    /// <summary>The request, or null once released.</summary>
    private protected SipRequest? RequestIfKept => _request;

    /// <summary>Ends the transaction because the layer is stopping.</summary>
    internal abstract void Abort();

    /// <summary>Runs a timer callback through the layer's one scheduler, with this transaction as its state: the
    /// callbacks are static, so a transaction allocates no delegates for its timers.</summary>
    private protected ScheduledCallback Schedule(TimeSpan delay, Action<object?> callback) => Layer.Scheduler.Schedule(delay, callback, this);

    private protected static void CancelTimer(ref ScheduledCallback? timer)
    {
        timer?.Cancel();
        timer = null;
    }

    /// <summary>Entry action of Terminated, called under the lock: the outcome is published and the layer forgets
    /// the transaction, so that nothing matches it any more.</summary>
    private protected void Complete(TransactionOutcome outcome)
    {
        if (outcome == TransactionOutcome.TimedOut)
        {
            Layer.Counters.TimedOut();
        }

        Layer.OnTerminated(this);
        _completion.TrySetResult(outcome);
    }

    /// <summary>The event "transport error" (RFC 3261 §17.1.4, §17.2.4): a send of this transaction failed.</summary>
    private protected abstract void OnTransportError();

    /// <summary>
    /// Sends a message of this transaction. A failure is counted, logged and fed to <see cref="OnTransportError"/>;
    /// with <paramref name="rethrow"/> it is then thrown to the caller (the TU), otherwise it is swallowed, since a
    /// timer or a retransmitted message has nobody to throw to.
    /// </summary>
    private protected async ValueTask SendAsync(SipMessage message, SipEndPoint destination, bool retransmission, bool rethrow)
    {
        try
        {
            await Layer.Transport.SendAsync(message, destination, Layer.StoppingToken).ConfigureAwait(false);
            if (retransmission)
            {
                Layer.Counters.RetransmissionSent();
            }
        }
        catch (OperationCanceledException) when (Layer.StoppingToken.IsCancellationRequested)
        {
            // The layer is stopping; the transaction is being aborted anyway.
        }
        catch (Exception exception)
        {
            Layer.Counters.TransportErrorSeen();
            TransactionLayer.LogSendFailed(Layer.Logger, Describe(message), destination, exception);
            OnTransportError();
            if (rethrow)
            {
                throw;
            }
        }
    }

    private static string Describe(SipMessage message) => message switch
    {
        SipRequest request => request.Method.Name,
        SipResponse response => response.StatusCode.ToString(CultureInfo.InvariantCulture),
        _ => message.GetType().Name,
    };

    /// <summary>Lets a send started from a timer run on; <see cref="SendAsync"/> without rethrow never faults.</summary>
    private protected static void Forget(ValueTask task)
    {
        if (task.IsCompleted)
        {
            task.GetAwaiter().GetResult();
            return;
        }

        _ = task.AsTask();
    }
}
