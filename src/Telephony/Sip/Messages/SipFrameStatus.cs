namespace CallMyWay.Voice.Telephony.Sip.Messages;

/// <summary>What <see cref="SipStreamFramer"/> found at the start of a stream buffer.</summary>
public enum SipFrameStatus
{
    /// <summary>No complete message yet: read more and try again with the same start.</summary>
    NeedMoreData,

    /// <summary>One complete message; parse it and advance past it.</summary>
    Message,

    /// <summary>Line breaks between messages; advance past them, and answer a ping with a pong if asked.</summary>
    KeepAlive,

    /// <summary>The stream cannot be framed any further; close the connection (RFC 3261 §18.3).</summary>
    Error,
}
