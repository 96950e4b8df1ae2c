namespace CallMyWay.Voice.Telephony.Sip.Messages;

/// <summary>Why a message was rejected, in words fit for a reason phrase or a log line.</summary>
public sealed class SipParseError
{
    /// <summary>Creates an error.</summary>
    public SipParseError(SipParseErrorKind kind, string reason, string? headerName = null, SipPartialRequest? partialRequest = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        Kind = kind;
        Reason = reason;
        HeaderName = headerName;
        PartialRequest = partialRequest;
    }

    /// <summary>The kind of fault.</summary>
    public SipParseErrorKind Kind { get; }

    /// <summary>A short description, for example <c>Content-Length 500 exceeds the 120 bytes received</c>.</summary>
    public string Reason { get; }

    /// <summary>The header at fault, when the fault is in one.</summary>
    public string? HeaderName { get; }

    /// <summary>
    /// For a request (other than ACK, which is never answered) whose Via could be read: the headers needed to
    /// answer with <see cref="StatusCode"/>. Null for responses: a response is never answered, only dropped.
    /// </summary>
    public SipPartialRequest? PartialRequest { get; }

    /// <summary>The status a UAS answers with: 505, 416 or 513 for those faults, else 400.</summary>
    public int StatusCode => Kind switch
    {
        SipParseErrorKind.UnsupportedVersion => 505,
        SipParseErrorKind.UnsupportedUriScheme => 416,
        SipParseErrorKind.MessageTooLarge => 513,
        _ => 400,
    };

    /// <inheritdoc />
    public override string ToString() => $"{Kind}: {Reason}";
}
