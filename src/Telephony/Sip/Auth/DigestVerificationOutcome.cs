namespace CallMyWay.Voice.Telephony.Sip.Auth;

/// <summary>What checking a request's digest credentials found.</summary>
public enum DigestVerificationOutcome
{
    /// <summary>The credentials prove the user knows the password, for a live nonce used for the first time with this nc.</summary>
    Success,

    /// <summary>The lookup knows no such user. Answer as for <see cref="BadResponse"/>, so user names cannot be probed.</summary>
    UnknownUser,

    /// <summary>The response does not match: most often a wrong password (or a different method, URI or body).</summary>
    BadResponse,

    /// <summary>
    /// The response is right but the nonce has expired (or its replay state was dropped): challenge again with
    /// stale=TRUE so the client retries without asking the user (RFC 7616 §3.3).
    /// </summary>
    StaleNonce,

    /// <summary>The nonce is not one this server issued (a forged or foreign nonce).</summary>
    InvalidNonce,

    /// <summary>
    /// The response is right but this nonce and nc were already used: an nc that does not increase, or a second
    /// use of a nonce without qop (RFC 7616 §3.4, RFC 2617 §4.5). Challenge again with a fresh nonce and stale=TRUE.
    /// </summary>
    Replay,

    /// <summary>The credentials are for another realm.</summary>
    RealmMismatch,

    /// <summary>The digest-uri is not the Request-URI (RFC 2617 §3.2.2.5).</summary>
    UriMismatch,
}
