using System.Buffers;

namespace CallMyWay.Voice.Telephony.Sip.Messages;

/// <summary>The outcome of one <see cref="SipStreamFramer.Read"/> call, shaped for <c>PipeReader.AdvanceTo</c>.</summary>
public readonly struct SipFrameResult
{
    internal SipFrameResult(SipFrameStatus status, ReadOnlySequence<byte> message, SequencePosition consumed, SequencePosition examined, bool pongRequired, SipParseError? error)
    {
        Status = status;
        Message = message;
        Consumed = consumed;
        Examined = examined;
        PongRequired = pongRequired;
        Error = error;
    }

    /// <summary>What was found.</summary>
    public SipFrameStatus Status { get; }

    /// <summary>For <see cref="SipFrameStatus.Message"/>: exactly the bytes of the message, body included.</summary>
    public ReadOnlySequence<byte> Message { get; }

    /// <summary>Where the next read starts.</summary>
    public SequencePosition Consumed { get; }

    /// <summary>How far the framer looked; with <see cref="SipFrameStatus.NeedMoreData"/> this is the buffer end.</summary>
    public SequencePosition Examined { get; }

    /// <summary>For <see cref="SipFrameStatus.KeepAlive"/>: a double CRLF ping arrived and a single CRLF pong
    /// must be sent back (RFC 5626 §3.5.1).</summary>
    public bool PongRequired { get; }

    /// <summary>For <see cref="SipFrameStatus.Error"/>: why (message too large, Content-Length missing or bad).</summary>
    public SipParseError? Error { get; }
}
