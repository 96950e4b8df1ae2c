using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace CallMyWay.Voice.Telephony.Sip.Auth;

/// <summary>
/// The client side of SIP digest authentication (RFC 3261 §22.2, §22.3): answers a 401/407 challenge, e.g. a
/// carrier trunk's, with Authorization or Proxy-Authorization credentials for one username and password.
/// </summary>
/// <remarks>
/// Keeps the nc per nonce, so requests that reuse a nonce count up (RFC 7616 §3.4). Thread-safe: one instance
/// can serve every call over a trunk.
/// </remarks>
public sealed class DigestClient
{
    // Nonces whose nc we remember; a UAC talks to a handful of realms, each with one live nonce at a time.
    private const int RememberedNonces = 32;

    private readonly string _password;
    private readonly Func<string> _newClientNonce;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, uint> _nonceCounts = new(StringComparer.Ordinal);
    private readonly Queue<string> _nonceOrder = new();

    /// <summary>Creates a client for one set of credentials.</summary>
    public DigestClient(string username, string password)
        : this(username, password, NewRandomClientNonce)
    {
    }

    /// <summary>Creates a client whose cnonces come from <paramref name="newClientNonce"/>, for reproducing published examples.</summary>
    internal DigestClient(string username, string password, Func<string> newClientNonce)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        ArgumentNullException.ThrowIfNull(password);
        Username = username;
        _password = password;
        _newClientNonce = newClientNonce;
    }

    /// <summary>The username sent in the credentials.</summary>
    public string Username { get; }

    /// <summary>
    /// Of the challenges in one response, the one to answer: the strongest algorithm this client can answer,
    /// the topmost among equals (RFC 8760 §2.4). Null when none can be answered.
    /// </summary>
    public static DigestChallenge? SelectChallenge(IEnumerable<DigestChallenge> challenges)
    {
        ArgumentNullException.ThrowIfNull(challenges);
        DigestChallenge? best = null;
        foreach (var challenge in challenges)
        {
            if (ChooseQop(challenge, out _) && (best is null || challenge.Algorithm.Strength > best.Algorithm.Strength))
            {
                best = challenge;
            }
        }

        return best;
    }

    /// <summary>
    /// Answers the strongest of the challenges a 401/407 carried (see <see cref="SelectChallenge"/>), or null
    /// when none can be answered.
    /// </summary>
    /// <param name="challenges">Every WWW-Authenticate (or Proxy-Authenticate) challenge of the response that parsed.</param>
    /// <param name="method">The method of the request being sent, e.g. INVITE.</param>
    /// <param name="digestUri">The Request-URI of the request being sent (RFC 3261 §22.4).</param>
    /// <param name="body">The request body, hashed only if qop=auth-int is the one chosen.</param>
    public DigestCredentials? Authorize(IEnumerable<DigestChallenge> challenges, string method, string digestUri, ReadOnlySpan<byte> body = default)
    {
        var challenge = SelectChallenge(challenges);
        return challenge is null ? null : Authorize(challenge, method, digestUri, body);
    }

    /// <summary>
    /// Answers one challenge, or returns null when it cannot be answered: it offers only unknown qop values, or
    /// a "-sess" algorithm without any qop (there would be no cnonce to key the session by).
    /// </summary>
    /// <param name="challenge">The challenge.</param>
    /// <param name="method">The method of the request being sent, e.g. INVITE.</param>
    /// <param name="digestUri">The Request-URI of the request being sent (RFC 3261 §22.4).</param>
    /// <param name="body">The request body, hashed only if qop=auth-int is the one chosen.</param>
    public DigestCredentials? Authorize(DigestChallenge challenge, string method, string digestUri, ReadOnlySpan<byte> body = default)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentException.ThrowIfNullOrEmpty(digestUri);
        if (!ChooseQop(challenge, out var qop))
        {
            return null;
        }

        var algorithm = challenge.Algorithm;
        string? clientNonce = null;
        uint? nonceCount = null;
        if (qop is not null || algorithm.IsSession)
        {
            clientNonce = _newClientNonce();
        }

        if (qop is not null)
        {
            nonceCount = NextNonceCount(challenge.Nonce);
        }

        var hexLength = algorithm.HexLength;
        Span<char> ha1 = stackalloc char[DigestAlgorithm.MaxHexLength];
        DigestComputation.WriteHa1(algorithm, Username, challenge.Realm, _password, ha1);
        Span<char> response = stackalloc char[DigestAlgorithm.MaxHexLength];
        DigestComputation.WriteResponse(
            algorithm,
            ha1[..hexLength],
            challenge.Nonce,
            nonceCount?.ToString("x8", CultureInfo.InvariantCulture),
            clientNonce,
            qop,
            method,
            digestUri,
            body,
            response);
        CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(ha1));

        return new DigestCredentials
        {
            Username = Username,
            Realm = challenge.Realm,
            Nonce = challenge.Nonce,
            Uri = digestUri,
            Response = new string(response[..hexLength]),
            Algorithm = algorithm,
            ClientNonce = clientNonce,
            Opaque = challenge.Opaque,
            Qop = qop,
            NonceCount = nonceCount,
        };
    }

    // RFC 7616 §3.4: answer with a qop the server offered. auth when offered, as SIP UAs do: auth-int would bind
    // the response to the body, which must then be final before the request is authorized. No qop offered
    // means the RFC 2069 response.
    private static bool ChooseQop(DigestChallenge challenge, out string? qop)
    {
        qop = null;
        if (challenge.QopOptions.Count > 0)
        {
            if (challenge.Offers("auth"))
            {
                qop = "auth";
            }
            else if (challenge.Offers("auth-int"))
            {
                qop = "auth-int";
            }
            else
            {
                return false;
            }
        }

        return qop is not null || !challenge.Algorithm.IsSession;
    }

    // 128 random bits: unpredictable, so a server cannot choose the plaintext the client hashes (RFC 2617 §4.9).
    private static string NewRandomClientNonce() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private uint NextNonceCount(string nonce)
    {
        lock (_gate)
        {
            if (_nonceCounts.TryGetValue(nonce, out var count))
            {
                _nonceCounts[nonce] = ++count;
                return count;
            }

            if (_nonceOrder.Count == RememberedNonces)
            {
                _nonceCounts.Remove(_nonceOrder.Dequeue());
            }

            _nonceOrder.Enqueue(nonce);
            _nonceCounts[nonce] = 1;
            return 1;
        }
    }
}
