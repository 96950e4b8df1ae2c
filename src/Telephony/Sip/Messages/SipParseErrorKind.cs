namespace CallMyWay.Voice.Telephony.Sip.Messages;

/// <summary>Why a message could not be parsed.</summary>
public enum SipParseErrorKind
{
    /// <summary>Nothing but line breaks: a keep-alive, not a message.</summary>
    Empty,

    /// <summary>Larger than <see cref="SipParserOptions.MaxMessageSize"/>; answered 513 (RFC 3261 §21.5.7).</summary>
    MessageTooLarge,

    /// <summary>More header lines than <see cref="SipParserOptions.MaxHeaderCount"/>.</summary>
    TooManyHeaders,

    /// <summary>The request line is not <c>Method SP Request-URI SP SIP-Version</c> (RFC 3261 §7.1).</summary>
    MalformedRequestLine,

    /// <summary>The status line is not <c>SIP-Version SP 3DIGIT SP Reason-Phrase</c> (RFC 3261 §7.2).</summary>
    MalformedStatusLine,

    /// <summary>A SIP version other than 2.0; answered 505 (RFC 3261 §21.5.6).</summary>
    UnsupportedVersion,

    /// <summary>The Request-URI is not a valid URI, or a SIP URI carrying headers (RFC 3261 §19.1.1).</summary>
    MalformedRequestUri,

    /// <summary>The Request-URI is a valid URI of a scheme other than sip/sips; answered 416 (RFC 3261 §8.2.2.1).</summary>
    UnsupportedUriScheme,

    /// <summary>A header line without a colon or with a name that is not a token.</summary>
    MalformedHeaderLine,

    /// <summary>The header section does not end with an empty line.</summary>
    MissingHeaderTerminator,

    /// <summary>A mandatory header (RFC 3261 §8.1.1) is absent.</summary>
    MissingHeader,

    /// <summary>A single-valued header appears more than once (RFC 4475 multi01 and mcl01).</summary>
    DuplicateHeader,

    /// <summary>A header the stack relies on has a value that does not follow its grammar.</summary>
    MalformedHeaderValue,

    /// <summary>The CSeq method differs from the request method (RFC 4475 §3.1.2.17).</summary>
    CSeqMethodMismatch,

    /// <summary>Content-Length is not a number, or is missing on a stream (RFC 3261 §18.3).</summary>
    InvalidContentLength,

    /// <summary>Content-Length is larger than the bytes that arrived (RFC 3261 §18.3, RFC 4475 §3.1.2.2).</summary>
    ContentLengthExceedsData,
}
