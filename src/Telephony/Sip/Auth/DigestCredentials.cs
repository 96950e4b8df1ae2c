using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CallMyWay.Voice.Telephony.Sip.Auth;

/// <summary>Digest credentials: the value of an Authorization or Proxy-Authorization header (RFC 3261 §20.7, §20.28, §22.2).</summary>
/// <remarks><see cref="ToString"/> gives the header value; <see cref="TryParse"/> reads one.</remarks>
public sealed class DigestCredentials
{
    /// <summary>The user name, unescaped.</summary>
    public required string Username { get; init; }

    /// <summary>The realm of the challenge being answered.</summary>
    public required string Realm { get; init; }

    /// <summary>The nonce of the challenge being answered.</summary>
    public required string Nonce { get; init; }

    /// <summary>The digest-uri: the Request-URI the client hashed (RFC 3261 §22.4), not necessarily the one it sent.</summary>
    public required string Uri { get; init; }

    /// <summary>The request-digest, lowercase hex.</summary>
    public required string Response { get; init; }

    /// <summary>The algorithm; MD5 when the header names none (RFC 2617 §3.2.2).</summary>
    public DigestAlgorithm Algorithm { get; init; } = DigestAlgorithm.Md5;

    /// <summary>The client nonce; present with a qop.</summary>
    public string? ClientNonce { get; init; }

    /// <summary>The challenge's opaque value, returned unchanged.</summary>
    public string? Opaque { get; init; }

    /// <summary><c>auth</c> or <c>auth-int</c>, or null for an RFC 2069 response.</summary>
    public string? Qop { get; init; }

    /// <summary>The nc: how many requests the client has sent with this nonce, this one included (RFC 7616 §3.4).</summary>
    public uint? NonceCount { get; init; }

    /// <summary>Parameters this stack does not interpret, kept in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ExtensionParameters { get; init; } = [];

    /// <summary>
    /// The nc exactly as received. The response was hashed over this text, so verification uses it rather
    /// than a re-formatted <see cref="NonceCount"/> (which would differ for a peer that writes uppercase hex).
    /// </summary>
    internal string? NonceCountText { get; init; }

    /// <summary>The nc as it goes into the hash and onto the wire: 8 lowercase hex digits.</summary>
    internal string? NonceCountValue => NonceCountText ?? NonceCount?.ToString("x8", CultureInfo.InvariantCulture);

    /// <summary>Reads a credentials header value. Never throws on bad input; returns false with the reason instead.</summary>
    public static bool TryParse(ReadOnlySpan<char> value, [NotNullWhen(true)] out DigestCredentials? credentials, out DigestParseError error)
    {
        credentials = null;
        var parameters = new List<AuthParameter>();
        error = DigestHeaderParser.Parse(value, parameters);
        if (error != DigestParseError.None)
        {
            return false;
        }

        string? username = null, realm = null, nonce = null, uri = null, response = null;
        string? cnonce = null, opaque = null, qop = null, nc = null;
        var algorithm = DigestAlgorithm.Md5;
        List<KeyValuePair<string, string>>? extensions = null;
        foreach (var (name, parameterValue, _) in parameters)
        {
            if (Is(name, "username"))
            {
                username = parameterValue;
            }
            else if (Is(name, "realm"))
            {
                realm = parameterValue;
            }
            else if (Is(name, "nonce"))
            {
                nonce = parameterValue;
            }
            else if (Is(name, "uri"))
            {
                uri = parameterValue;
            }
            else if (Is(name, "response"))
            {
                response = parameterValue;
            }
            else if (Is(name, "cnonce"))
            {
                cnonce = parameterValue;
            }
            else if (Is(name, "opaque"))
            {
                opaque = parameterValue;
            }
            else if (Is(name, "qop"))
            {
                qop = parameterValue;
            }
            else if (Is(name, "nc"))
            {
                nc = parameterValue;
            }
            else if (Is(name, "algorithm"))
            {
                if (!DigestAlgorithm.TryParse(parameterValue, out var parsed))
                {
                    error = DigestParseError.UnsupportedAlgorithm;
                    return false;
                }

                algorithm = parsed;
            }
            else
            {
                (extensions ??= []).Add(new(name, parameterValue));
            }
        }

        error = Validate(username, realm, nonce, uri, response, algorithm, cnonce, qop, nc, out var nonceCount);
        if (error != DigestParseError.None)
        {
            return false;
        }

        credentials = new DigestCredentials
        {
            Username = username!,
            Realm = realm!,
            Nonce = nonce!,
            Uri = uri!,
            Response = response!,
            Algorithm = algorithm,
            ClientNonce = cnonce,
            Opaque = opaque,
            Qop = qop,
            NonceCount = nonceCount,
            NonceCountText = nc,
            ExtensionParameters = extensions ?? [],
        };
        return true;
    }

    /// <summary>The header value, e.g. <c>Digest username="alice", realm="x", nonce="y", uri="sip:x", response="...", algorithm=MD5, cnonce="z", qop=auth, nc=00000001</c>.</summary>
    public override string ToString()
    {
        var writer = new DigestHeaderWriter()
            .Quoted("username", Username)
            .Quoted("realm", Realm)
            .Quoted("nonce", Nonce)
            .Quoted("uri", Uri)
            .Quoted("response", Response)
            .Token("algorithm", Algorithm.Name);
        if (ClientNonce is not null)
        {
            writer.Quoted("cnonce", ClientNonce);
        }

        if (Opaque is not null)
        {
            writer.Quoted("opaque", Opaque);
        }

        // RFC 3261 §25.1: message-qop and nonce-count are tokens, never quoted.
        if (Qop is not null)
        {
            writer.Token("qop", Qop);
        }

        if (NonceCountValue is { } nc)
        {
            writer.Token("nc", nc);
        }

        foreach (var (name, value) in ExtensionParameters)
        {
            writer.Extension(name, value);
        }

        return writer.ToString();
    }

    private static DigestParseError Validate(
        string? username,
        string? realm,
        string? nonce,
        string? uri,
        string? response,
        DigestAlgorithm algorithm,
        string? cnonce,
        string? qop,
        string? nc,
        out uint? nonceCount)
    {
        nonceCount = null;
        if (username is null)
        {
            return DigestParseError.MissingUsername;
        }

        if (realm is null)
        {
            return DigestParseError.MissingRealm;
        }

        if (nonce is null)
        {
            return DigestParseError.MissingNonce;
        }

        if (uri is null)
        {
            return DigestParseError.MissingUri;
        }

        if (response is null)
        {
            return DigestParseError.MissingResponse;
        }

        if (nc is not null)
        {
            if (nc.Length != 8 || !uint.TryParse(nc, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var count))
            {
                return DigestParseError.InvalidNonceCount;
            }

            nonceCount = count;
        }

        if (qop is not null)
        {
            if (!Is(qop, "auth") && !Is(qop, "auth-int"))
            {
                return DigestParseError.UnsupportedQop;
            }

            // RFC 7616 §3.4: with a qop, cnonce and nc MUST be present.
            if (cnonce is null)
            {
                return DigestParseError.MissingClientNonce;
            }

            if (nc is null)
            {
                return DigestParseError.MissingNonceCount;
            }
        }

        // RFC 7616 §3.4.2: a -sess HA1 is keyed by the cnonce.
        if (algorithm.IsSession && cnonce is null)
        {
            return DigestParseError.MissingClientNonce;
        }

        return DigestParseError.None;
    }

    private static bool Is(string text, string expected) => text.Equals(expected, StringComparison.OrdinalIgnoreCase);
}
