using CallMyWay.Voice.Telephony.Sip.Auth;
using CallMyWay.Voice.Telephony.Sip.Messages;
using CallMyWay.Voice.Telephony.Sip.Registrar;
using CallMyWay.Voice.Telephony.Sip.Transactions;
using Microsoft.Extensions.Options;

namespace CallMyWay.Voice.Telephony.Sip.UserAgent;

/// <summary>
/// Digest authentication of INVITEs from outside the trunk's networks (CONTRACT.md: "403, or a digest challenge for
/// agents"): an agent's phone calling from elsewhere proves its extension's SIP secret; anyone else gets 403 without
/// learning whether an extension exists.
/// </summary>
public sealed class InviteAuthenticator
{
    private readonly ISipCredentialStore _accounts;
    private readonly DigestServer _digest;
    private readonly IReadOnlyList<DigestAlgorithm> _algorithms;

    public InviteAuthenticator(ISipCredentialStore accounts, IOptions<RegistrarOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _accounts = accounts;
        _digest = new DigestServer(options.Value.Realm, time, nonceLifetime: options.Value.NonceLifetime);
        _algorithms = options.Value.GetChallengeAlgorithms();
    }

    /// <summary>Null when the INVITE is authenticated; otherwise the response to send (401 with a challenge, or 403).</summary>
    public async ValueTask<SipResponse?> CheckAsync(ServerTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var request = transaction.Request;
        var caller = request.From.User;
        if (request.Headers.GetFirst(SipHeaderNames.Authorization) is not { } authorization)
        {
            return caller is not null && await _accounts.FindAsync(caller, cancellationToken).ConfigureAwait(false) is not null
                ? Challenge(transaction, stale: false)
                : transaction.CreateResponse(403, "Source not allowed");
        }

        if (!DigestCredentials.TryParse(authorization, out var credentials, out _))
        {
            return transaction.CreateResponse(400, "Bad Authorization header");
        }

        var verification = await _digest.VerifyAsync(credentials, request.Method.Name, LookupAsync, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (verification.Succeeded && string.Equals(verification.Username, caller, StringComparison.Ordinal))
        {
            return null;
        }

        return verification.ShouldChallengeStale ? Challenge(transaction, stale: true) : transaction.CreateResponse(403, "Authentication failed");
    }

    private async ValueTask<DigestSecret?> LookupAsync(string username, string realm, DigestAlgorithm algorithm, CancellationToken cancellationToken) =>
        (await _accounts.FindAsync(username, cancellationToken).ConfigureAwait(false))?.GetSecret(algorithm);

    private SipResponse Challenge(ServerTransaction transaction, bool stale)
    {
        var response = transaction.CreateResponse(401);
        foreach (var challenge in _digest.CreateChallenges(_algorithms, stale))
        {
            response.Headers.Add(SipHeaderNames.WwwAuthenticate, challenge.ToString());
        }

        return response;
    }
}
