namespace CallMyWay.Voice.Telephony.Sip.Messages;

/// <summary>A SIP response: status code, reason phrase, headers and body (RFC 3261 §7.2).</summary>
public sealed class SipResponse : SipMessage
{
    private string _reasonPhrase;

    /// <summary>Creates a response; without a reason phrase the usual one for the code is used.</summary>
    public SipResponse(int statusCode, string? reasonPhrase = null, SipHeaders? headers = null, ReadOnlyMemory<byte> body = default)
        : base(headers, body)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 699);
        StatusCode = statusCode;
        _reasonPhrase = CheckReason(reasonPhrase ?? SipReasonPhrases.GetDefault(statusCode));
    }

    /// <summary>The three-digit status code.</summary>
    public int StatusCode { get; }

    /// <summary>The reason phrase; may be empty (RFC 4475 §3.1.1.13).</summary>
    public string ReasonPhrase
    {
        get => _reasonPhrase;
        set => _reasonPhrase = CheckReason(value);
    }

    /// <summary>1xx.</summary>
    public bool IsProvisional => StatusCode < 200;

    /// <summary>2xx.</summary>
    public bool IsSuccess => StatusCode is >= 200 and < 300;

    /// <summary>200-699: ends the client transaction (RFC 3261 §17.1).</summary>
    public bool IsFinal => StatusCode >= 200;

    private static string CheckReason(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return reason.AsSpan().IndexOfAny('\r', '\n') >= 0
            ? throw new ArgumentException("A reason phrase cannot contain CR or LF.", nameof(reason))
            : reason;
    }
}
