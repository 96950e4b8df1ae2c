namespace CallMyWay.Voice.Telephony.Sdp;

/// <summary>Why an offer could not be answered; each maps to a SIP Warning code (RFC 3261 §20.43).</summary>
public enum SdpNegotiationFailure
{
    /// <summary>The offer was answered.</summary>
    None,

    /// <summary>No enabled audio stream was offered (warn-code 304, media type not available).</summary>
    NoAudioStream,

    /// <summary>Audio was offered only over a transport other than RTP/AVP, e.g. SRTP (warn-code 302).</summary>
    UnsupportedTransport,

    /// <summary>The audio stream has no c= line, or one that is not IN IP4/IP6 (warn-code 301).</summary>
    UnsupportedConnection,

    /// <summary>No offered audio codec is one we have (warn-code 305, incompatible media format).</summary>
    NoCommonCodec,
}
