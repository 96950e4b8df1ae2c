namespace CallMyWay.Voice.Telephony.Sip.Transport;

/// <summary>What the transport has seen since it started, for the host to expose as metrics; safe to read at any time.</summary>
public sealed class SipTransportCounters
{
    private long _messagesReceived;
    private long _messagesSent;
    private long _malformedDropped;
    private long _malformedAnswered;
    private long _oversize;
    private long _connectionsOpen;
    private long _connectionsRejected;
    private long _receiverFailures;

    /// <summary>Messages parsed and handed to the receiver.</summary>
    public long MessagesReceived => Volatile.Read(ref _messagesReceived);

    /// <summary>Messages written to a socket, the transport's own 400s included.</summary>
    public long MessagesSent => Volatile.Read(ref _messagesSent);

    /// <summary>Input that did not parse and could not be answered (responses, ACKs, no usable Via), or broke TCP framing.</summary>
    public long MalformedDropped => Volatile.Read(ref _malformedDropped);

    /// <summary>Malformed requests the transport answered itself (400, or 416/505/513 for those faults).</summary>
    public long MalformedAnswered => Volatile.Read(ref _malformedAnswered);

    /// <summary>Datagrams or framed TCP messages over the size limit.</summary>
    public long Oversize => Volatile.Read(ref _oversize);

    /// <summary>TCP connections open now, inbound and outbound.</summary>
    public long ConnectionsOpen => Volatile.Read(ref _connectionsOpen);

    /// <summary>Inbound TCP connections closed at once because the connection limit was reached.</summary>
    public long ConnectionsRejected => Volatile.Read(ref _connectionsRejected);

    /// <summary>Times the receiver threw; each is a bug in the layer above.</summary>
    public long ReceiverFailures => Volatile.Read(ref _receiverFailures);

    internal void MessageReceived() => Interlocked.Increment(ref _messagesReceived);

    internal void MessageSent() => Interlocked.Increment(ref _messagesSent);

    internal void MalformedWasDropped() => Interlocked.Increment(ref _malformedDropped);

    internal void MalformedWasAnswered() => Interlocked.Increment(ref _malformedAnswered);

    internal void OversizeSeen() => Interlocked.Increment(ref _oversize);

    internal void ConnectionOpened() => Interlocked.Increment(ref _connectionsOpen);

    internal void ConnectionClosed() => Interlocked.Decrement(ref _connectionsOpen);

    internal void ConnectionRejected() => Interlocked.Increment(ref _connectionsRejected);

    internal void ReceiverFailed() => Interlocked.Increment(ref _receiverFailures);
}
