namespace CallMyWay.Voice.Telephony.Sip.Auth;

/// <summary>Why a challenge or credentials header value could not be read.</summary>
public enum DigestParseError
{
    /// <summary>The value was read.</summary>
    None = 0,

    /// <summary>The value is empty or only whitespace.</summary>
    Empty,

    /// <summary>The scheme is not Digest (e.g. Basic, or AKA schemes this stack does not speak).</summary>
    NotDigest,

    /// <summary>The auth-param list breaks the grammar: a missing "=", an unterminated quoted string, no comma between parameters.</summary>
    Malformed,

    /// <summary>A parameter appears twice (RFC 7235 §2.1: each parameter name occurs at most once).</summary>
    DuplicateParameter,

    /// <summary>The algorithm is one this stack cannot compute.</summary>
    UnsupportedAlgorithm,

    /// <summary>No realm.</summary>
    MissingRealm,

    /// <summary>No nonce.</summary>
    MissingNonce,

    /// <summary>Credentials without username.</summary>
    MissingUsername,

    /// <summary>Credentials without uri (the digest-uri).</summary>
    MissingUri,

    /// <summary>Credentials without response.</summary>
    MissingResponse,

    /// <summary>Credentials with a qop other than auth or auth-int.</summary>
    UnsupportedQop,

    /// <summary>Credentials with a qop, or with a "-sess" algorithm, but no cnonce (RFC 7616 §3.4).</summary>
    MissingClientNonce,

    /// <summary>Credentials with a qop but no nc.</summary>
    MissingNonceCount,

    /// <summary>An nc that is not 8 hex digits (RFC 7616 §3.4: nc-value = 8LHEX).</summary>
    InvalidNonceCount,
}
