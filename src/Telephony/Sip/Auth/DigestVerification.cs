namespace CallMyWay.Voice.Telephony.Sip.Auth;

/// <summary>The result of checking digest credentials.</summary>
/// <param name="Outcome">What the check found.</param>
/// <param name="Username">The user name the credentials claim; authenticated only when <see cref="Succeeded"/>.</param>
public sealed record DigestVerification(DigestVerificationOutcome Outcome, string Username)
{
    /// <summary>Whether the user is authenticated.</summary>
    public bool Succeeded => Outcome == DigestVerificationOutcome.Success;

    /// <summary>
    /// Whether the client knew the password but must use a fresh nonce: re-challenge with stale=TRUE
    /// (<see cref="DigestServer.CreateChallenges(bool)"/> with <c>stale: true</c>).
    /// </summary>
    public bool ShouldChallengeStale => Outcome is DigestVerificationOutcome.StaleNonce or DigestVerificationOutcome.Replay;
}
