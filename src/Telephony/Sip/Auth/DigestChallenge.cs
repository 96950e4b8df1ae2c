using System.Diagnostics.CodeAnalysis;

namespace CallMyWay.Voice.Telephony.Sip.Auth;

/// <summary>A Digest challenge: the value of a WWW-Authenticate or Proxy-Authenticate header (RFC 3261 §20.44, §20.27, §22.1).</summary>
/// <remarks><see cref="ToString"/> gives the header value; <see cref="TryParse"/> reads one.</remarks>
public sealed class DigestChallenge
{
    /// <summary>The protection space; the client's HA1 is bound to it.</summary>
    public required string Realm { get; init; }

    /// <summary>The server's nonce, returned unchanged in the credentials.</summary>
    public required string Nonce { get; init; }

    /// <summary>The algorithm; MD5 when the header names none (RFC 2617 §3.2.1).</summary>
    public DigestAlgorithm Algorithm { get; init; } = DigestAlgorithm.Md5;

    /// <summary>Opaque data the client must return unchanged, if any.</summary>
    public string? Opaque { get; init; }

    /// <summary>The <c>domain</c> parameter (space-separated URIs of the protection space), if any.</summary>
    public string? Domain { get; init; }

    /// <summary>The qop options offered, e.g. <c>auth</c> and <c>auth-int</c>; empty for an RFC 2069 challenge.</summary>
    public IReadOnlyList<string> QopOptions { get; init; } = [];

    /// <summary>
    /// True when the previous request was refused only because its nonce had expired, so the client may retry
    /// with the new nonce without asking the user again (RFC 7616 §3.3).
    /// </summary>
    public bool Stale { get; init; }

    /// <summary>Parameters this stack does not interpret (e.g. charset, userhash), kept in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ExtensionParameters { get; init; } = [];

    /// <summary>Reads a challenge header value. Never throws on bad input; returns false with the reason instead.</summary>
    public static bool TryParse(ReadOnlySpan<char> value, [NotNullWhen(true)] out DigestChallenge? challenge, out DigestParseError error)
    {
        challenge = null;
        var parameters = new List<AuthParameter>();
        error = DigestHeaderParser.Parse(value, parameters);
        if (error != DigestParseError.None)
        {
            return false;
        }

        string? realm = null, nonce = null, opaque = null, domain = null;
        var algorithm = DigestAlgorithm.Md5;
        var stale = false;
        IReadOnlyList<string> qopOptions = [];
        List<KeyValuePair<string, string>>? extensions = null;
        foreach (var (name, parameterValue, _) in parameters)
        {
            if (Is(name, "realm"))
            {
                realm = parameterValue;
            }
            else if (Is(name, "nonce"))
            {
                nonce = parameterValue;
            }
            else if (Is(name, "opaque"))
            {
                opaque = parameterValue;
            }
            else if (Is(name, "domain"))
            {
                domain = parameterValue;
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
            else if (Is(name, "qop"))
            {
                // RFC 7616 §3.3: qop is a quoted, comma-separated list; some servers send a bare token.
                qopOptions = parameterValue.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            }
            else if (Is(name, "stale"))
            {
                // RFC 7616 §3.3: case-insensitive "true"; anything else is false.
                stale = Is(parameterValue, "true");
            }
            else
            {
                (extensions ??= []).Add(new(name, parameterValue));
            }
        }

        if (realm is null)
        {
            error = DigestParseError.MissingRealm;
            return false;
        }

        if (nonce is null)
        {
            error = DigestParseError.MissingNonce;
            return false;
        }

        challenge = new DigestChallenge
        {
            Realm = realm,
            Nonce = nonce,
            Algorithm = algorithm,
            Opaque = opaque,
            Domain = domain,
            QopOptions = qopOptions,
            Stale = stale,
            ExtensionParameters = extensions ?? [],
        };
        return true;
    }

    /// <summary>Whether <paramref name="qop"/> (auth or auth-int) is among the options offered.</summary>
    public bool Offers(string qop)
    {
        foreach (var option in QopOptions)
        {
            if (Is(option, qop))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The header value, e.g. <c>Digest realm="x", nonce="y", algorithm=SHA-256, qop="auth"</c>.</summary>
    public override string ToString()
    {
        var writer = new DigestHeaderWriter().Quoted("realm", Realm);
        if (Domain is not null)
        {
            writer.Quoted("domain", Domain);
        }

        writer.Quoted("nonce", Nonce);
        if (Opaque is not null)
        {
            writer.Quoted("opaque", Opaque);
        }

        if (Stale)
        {
            writer.Token("stale", "TRUE");
        }

        writer.Token("algorithm", Algorithm.Name);
        if (QopOptions.Count > 0)
        {
            // RFC 3261 §25.1 qop-options: always a quoted list, even with one option.
            writer.Quoted("qop", string.Join(',', QopOptions));
        }

        foreach (var (name, value) in ExtensionParameters)
        {
            writer.Extension(name, value);
        }

        return writer.ToString();
    }

    private static bool Is(string text, string expected) => text.Equals(expected, StringComparison.OrdinalIgnoreCase);
}
