namespace CallMyWay.Voice.Telephony.Sip.Messages;

/// <summary>Limits that keep a hostile or broken peer from costing more than one message's worth of work.</summary>
public sealed class SipParserOptions
{
    /// <summary>64 KiB: the largest UDP datagram, and ample for any SIP message this service exchanges.</summary>
    public const int DefaultMaxMessageSize = 64 * 1024;

    /// <summary>Header lines allowed in one message.</summary>
    public const int DefaultMaxHeaderCount = 128;

    /// <summary>The defaults.</summary>
    public static SipParserOptions Default { get; } = new();

    /// <summary>Largest message accepted, in bytes.</summary>
    public int MaxMessageSize { get; init; } = DefaultMaxMessageSize;

    /// <summary>Most header lines accepted.</summary>
    public int MaxHeaderCount { get; init; } = DefaultMaxHeaderCount;
}
