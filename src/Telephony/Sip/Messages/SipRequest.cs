namespace CallMyWay.Voice.Telephony.Sip.Messages;

/// <summary>A SIP request: method, Request-URI, headers and body (RFC 3261 §7.1).</summary>
public sealed class SipRequest : SipMessage
{
    private SipUri _requestUri;

    /// <summary>Creates a request; headers and body can be filled in afterwards.</summary>
    public SipRequest(SipMethod method, SipUri requestUri, SipHeaders? headers = null, ReadOnlyMemory<byte> body = default)
        : base(headers, body)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(requestUri);
        Method = method;
        _requestUri = requestUri;
    }

    /// <summary>The request method.</summary>
    public SipMethod Method { get; }

    /// <summary>The Request-URI; it never carries a header part (RFC 3261 §19.1.1).</summary>
    public SipUri RequestUri
    {
        get => _requestUri;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            _requestUri = value;
        }
    }
}
