using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace CallMyWay.Voice.Telephony.Sip.Auth;

/// <summary>
/// The server side of SIP digest authentication (RFC 3261 §22.2, §22.4): issues challenges and verifies the
/// credentials that answer them, for the registrar and for our UAS challenging agents' phones.
/// </summary>
/// <remarks>
/// <para>
/// Nonces are stateless: each carries its issue time and a MAC under the server key (see <see cref="NonceSigner"/>),
/// so issuing a challenge stores nothing and a forged or foreign nonce is recognised without a lookup. With the
/// same <c>secretKey</c>, several processes accept each other's nonces; replay tracking stays per process.
/// </para>
/// <para>
/// Only replay protection needs memory: a bounded table of (nonce, user) to the highest nc seen, whose entries
/// leave when their nonce expires (see <see cref="NonceUseTable"/>).
/// </para>
/// <para>Thread-safe: one instance serves every phone.</para>
/// </remarks>
public sealed class DigestServer
{
    /// <summary>How long a nonce is accepted when no lifetime is given.</summary>
    public static readonly TimeSpan DefaultNonceLifetime = TimeSpan.FromMinutes(5);

    /// <summary>How many (nonce, user) pairs the replay table holds when no capacity is given.</summary>
    public const int DefaultReplayTableCapacity = 65_536;

    private const int MinimumKeySize = 16;

    private readonly TimeProvider _timeProvider;
    private readonly NonceSigner _signer;
    private readonly NonceUseTable _uses;

    /// <summary>Creates a verifier for one realm.</summary>
    /// <param name="realm">The realm challenged for, e.g. the SIP domain.</param>
    /// <param name="timeProvider">The clock that dates and expires nonces.</param>
    /// <param name="secretKey">The nonce MAC key, at least 16 bytes; null for a random key per process (nonces then die with the process).</param>
    /// <param name="nonceLifetime">How long a nonce is accepted; 5 minutes if null.</param>
    /// <param name="replayTableCapacity">Bound on the replay table; see <see cref="NonceUseTable"/> for what happens when it is reached.</param>
    public DigestServer(
        string realm,
        TimeProvider timeProvider,
        byte[]? secretKey = null,
        TimeSpan? nonceLifetime = null,
        int replayTableCapacity = DefaultReplayTableCapacity)
    {
        ArgumentException.ThrowIfNullOrEmpty(realm);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (secretKey is not null && secretKey.Length < MinimumKeySize)
        {
            throw new ArgumentException($"The nonce key must be at least {MinimumKeySize} bytes.", nameof(secretKey));
        }

        var lifetime = nonceLifetime ?? DefaultNonceLifetime;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero, nameof(nonceLifetime));
        ArgumentOutOfRangeException.ThrowIfLessThan(replayTableCapacity, 1);

        Realm = realm;
        NonceLifetime = lifetime;
        _timeProvider = timeProvider;
        _signer = new NonceSigner(secretKey ?? RandomNumberGenerator.GetBytes(32), realm);
        _uses = new NonceUseTable(replayTableCapacity, lifetime);
    }

    /// <summary>The realm this server challenges for.</summary>
    public string Realm { get; }

    /// <summary>How long a nonce is accepted after it is issued.</summary>
    public TimeSpan NonceLifetime { get; }

    /// <summary>How many (nonce, user) pairs the replay table holds now.</summary>
    internal int TrackedNonceCount => _uses.Count;

    /// <summary>A challenge with a fresh nonce, offering qop=auth.</summary>
    /// <param name="algorithm">The algorithm to challenge with.</param>
    /// <param name="stale">True when re-challenging after <see cref="DigestVerification.ShouldChallengeStale"/>.</param>
    public DigestChallenge CreateChallenge(DigestAlgorithm algorithm, bool stale = false)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        return NewChallenge(algorithm, NewNonce(), stale);
    }

    /// <summary>
    /// One challenge per algorithm we accept, SHA-256 first then MD5, sharing one nonce: each goes into its own
    /// WWW-Authenticate (or Proxy-Authenticate) header, in this order (RFC 8760 §2.4), so clients that know
    /// SHA-256 use it and others can still find MD5.
    /// </summary>
    /// <remarks>
    /// Not every peer copes: sipp 3.6.1 answers only the topmost challenge and knows only MD5, and baresip 1.0.0
    /// (libre 1.x) gives up on a response carrying any SHA-256 challenge. Challenge such peers with
    /// <see cref="CreateChallenges(IEnumerable{DigestAlgorithm}, bool)"/> and MD5 alone.
    /// </remarks>
    public IReadOnlyList<DigestChallenge> CreateChallenges(bool stale = false) =>
        CreateChallenges([DigestAlgorithm.Sha256, DigestAlgorithm.Md5], stale);

    /// <summary>One challenge per algorithm, in the order given (most preferred first, RFC 8760 §2.4), sharing one nonce.</summary>
    public IReadOnlyList<DigestChallenge> CreateChallenges(IEnumerable<DigestAlgorithm> algorithms, bool stale = false)
    {
        ArgumentNullException.ThrowIfNull(algorithms);
        var nonce = NewNonce();
        var challenges = new List<DigestChallenge>();
        foreach (var algorithm in algorithms)
        {
            ArgumentNullException.ThrowIfNull(algorithm, nameof(algorithms));
            challenges.Add(NewChallenge(algorithm, nonce, stale));
        }

        if (challenges.Count == 0)
        {
            throw new ArgumentException("At least one algorithm is needed.", nameof(algorithms));
        }

        return challenges;
    }

    /// <summary>Checks credentials against a secret looked up synchronously (e.g. from a cache of agents' SIP secrets).</summary>
    /// <param name="credentials">The parsed Authorization or Proxy-Authorization value.</param>
    /// <param name="method">The request method, e.g. REGISTER (A2 of RFC 7616 §3.4.3).</param>
    /// <param name="lookup">
    /// (username, realm, algorithm) → the user's secret, or null for an unknown user. Called only once the nonce
    /// and realm have checked out, so forged requests cost no lookup.
    /// </param>
    /// <param name="requestUri">
    /// The Request-URI to compare the digest-uri with, or null to skip that check. sipp, for one, hashes
    /// <c>sip:host:port</c> of the peer rather than the Request-URI, so skip it for such peers.
    /// </param>
    /// <param name="body">The message body, for qop=auth-int.</param>
    public DigestVerification Verify(
        DigestCredentials credentials,
        string method,
        Func<string, string, DigestAlgorithm, DigestSecret?> lookup,
        string? requestUri = null,
        ReadOnlySpan<byte> body = default)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(lookup);

        if (Precheck(credentials, requestUri, out var issuedAtTicks) is { } refused)
        {
            return refused;
        }

        var secret = lookup(credentials.Username, credentials.Realm, credentials.Algorithm);
        return Conclude(credentials, method, secret, issuedAtTicks, body);
    }

    /// <summary>Checks credentials against a secret looked up asynchronously (e.g. from the database).</summary>
    /// <inheritdoc cref="Verify" path="/param"/>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    public async ValueTask<DigestVerification> VerifyAsync(
        DigestCredentials credentials,
        string method,
        Func<string, string, DigestAlgorithm, CancellationToken, ValueTask<DigestSecret?>> lookup,
        string? requestUri = null,
        ReadOnlyMemory<byte> body = default,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(lookup);

        if (Precheck(credentials, requestUri, out var issuedAtTicks) is { } refused)
        {
            return refused;
        }

        var secret = await lookup(credentials.Username, credentials.Realm, credentials.Algorithm, cancellationToken)
            .ConfigureAwait(false);
        return Conclude(credentials, method, secret, issuedAtTicks, body.Span);
    }

    private string NewNonce() => _signer.Create(_timeProvider.GetUtcNow().UtcTicks);

    private DigestChallenge NewChallenge(DigestAlgorithm algorithm, string nonce, bool stale) => new()
    {
        Realm = Realm,
        Nonce = nonce,
        Algorithm = algorithm,

        // qop=auth only: auth-int would make clients hash bodies, and some (sipp) pick auth-int whenever offered.
        QopOptions = ["auth"],
        Stale = stale,
    };

    // The checks that need no secret, cheapest first, so a forged request costs no lookup.
    private DigestVerification? Precheck(DigestCredentials credentials, string? requestUri, out long issuedAtTicks)
    {
        issuedAtTicks = 0;
        if (!string.Equals(credentials.Realm, Realm, StringComparison.Ordinal))
        {
            return Refuse(DigestVerificationOutcome.RealmMismatch, credentials);
        }

        if (!_signer.TryValidate(credentials.Nonce, out issuedAtTicks))
        {
            return Refuse(DigestVerificationOutcome.InvalidNonce, credentials);
        }

        if (requestUri is not null && !DigestUri.Matches(credentials.Uri, requestUri))
        {
            return Refuse(DigestVerificationOutcome.UriMismatch, credentials);
        }

        return null;
    }

    private DigestVerification Conclude(
        DigestCredentials credentials,
        string method,
        DigestSecret? secret,
        long issuedAtTicks,
        ReadOnlySpan<byte> body)
    {
        if (secret is null)
        {
            return Refuse(DigestVerificationOutcome.UnknownUser, credentials);
        }

        if (!ResponseMatches(credentials, method, secret, body))
        {
            return Refuse(DigestVerificationOutcome.BadResponse, credentials);
        }

        // Expiry is judged only after the response checked out: RFC 7616 §3.3 sets stale=TRUE only for a
        // request whose response was valid, so a client with a wrong password is not told to just retry.
        var now = _timeProvider.GetUtcNow().UtcTicks;
        if (now - issuedAtTicks > NonceLifetime.Ticks)
        {
            return Refuse(DigestVerificationOutcome.StaleNonce, credentials);
        }

        var nonceCount = credentials.Qop is null ? (uint?)null : credentials.NonceCount;
        return _uses.Register(credentials.Nonce, credentials.Username, issuedAtTicks, nonceCount, now) switch
        {
            NonceUseTable.Use.Accepted => new DigestVerification(DigestVerificationOutcome.Success, credentials.Username),
            NonceUseTable.Use.Replay => Refuse(DigestVerificationOutcome.Replay, credentials),
            _ => Refuse(DigestVerificationOutcome.StaleNonce, credentials),
        };
    }

    private bool ResponseMatches(DigestCredentials credentials, string method, DigestSecret secret, ReadOnlySpan<byte> body)
    {
        var algorithm = credentials.Algorithm;
        var hexLength = algorithm.HexLength;
        var received = credentials.Response.AsSpan();
        if (received.Length != hexLength)
        {
            return false;
        }

        Span<char> ha1 = stackalloc char[DigestAlgorithm.MaxHexLength];
        secret.WriteHa1(algorithm, credentials.Username, Realm, ha1);
        Span<char> expected = stackalloc char[DigestAlgorithm.MaxHexLength];
        DigestComputation.WriteResponse(
            algorithm,
            ha1[..hexLength],
            credentials.Nonce,
            credentials.NonceCountValue,
            credentials.ClientNonce,
            credentials.Qop,
            method,
            credentials.Uri,
            body,
            expected);
        CryptographicOperations.ZeroMemory(MemoryMarshal.AsBytes(ha1));

        // The response is lowercase hex (RFC 7616 §3.4.1); accept a peer that wrote uppercase.
        Span<char> lowercase = stackalloc char[DigestAlgorithm.MaxHexLength];
        Ascii.ToLower(received, lowercase, out _);

        // Constant time, so response timing does not reveal how many leading characters were right.
        return CryptographicOperations.FixedTimeEquals(
            MemoryMarshal.AsBytes(lowercase[..hexLength]),
            MemoryMarshal.AsBytes(expected[..hexLength]));
    }

    private static DigestVerification Refuse(DigestVerificationOutcome outcome, DigestCredentials credentials) =>
        new(outcome, credentials.Username);
}
