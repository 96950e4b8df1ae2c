using CallMyWay.Voice.Telephony.Sip.Messages;

namespace CallMyWay.Voice.Telephony.Sip.Transport;

/// <summary>
/// The transport layer as the transaction layer sees it (RFC 3261 §18): sends serialized messages to an end
/// point and delivers every parsed incoming message to one receiver. Malformed input never reaches the
/// receiver: the transport answers 400 where it can and counts the rest.
/// </summary>
public interface ISipTransport : IAsyncDisposable
{
    /// <summary>The local end points listened on (one per transport kind).</summary>
    IReadOnlyList<SipEndPoint> LocalEndPoints { get; }

    /// <summary>Sends a message. Failures (unreachable, connection refused/closed) surface as a <see cref="SipTransportException"/>.</summary>
    ValueTask SendAsync(SipMessage message, SipEndPoint destination, CancellationToken cancellationToken);

    /// <summary>Starts listening; every parsed message is passed to <paramref name="receiver"/> (called concurrently).</summary>
    Task StartAsync(Func<IncomingSipMessage, ValueTask> receiver, CancellationToken cancellationToken);
}
