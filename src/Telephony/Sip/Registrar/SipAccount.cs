using CallMyWay.Voice.Telephony.Sip.Auth;

namespace CallMyWay.Voice.Telephony.Sip.Registrar;

/// <summary>
/// An agent's SIP account as the registrar needs it: the extension the phone registers as and what proves the
/// password, either the password itself or its HA1 per hash algorithm (RFC 7616 §3.4.2), so that the host can keep
/// only H(username:realm:password) and never the password.
/// </summary>
/// <remarks>
/// <para>
/// An HA1 binds the realm: compute it with the registrar's realm (<see cref="RegistrarOptions.Realm"/>), e.g.
/// <c>DigestAlgorithm.Md5.ComputeHa1(extension, realm, password)</c> and <c>DigestAlgorithm.Sha256.ComputeHa1(...)</c>
/// when the password is set, and recompute them if the realm changes. An account needs the HA1 of every algorithm
/// the registrar challenges with (<see cref="RegistrarOptions.Algorithms"/>); a phone answering an algorithm whose
/// HA1 is missing is refused as if its password were wrong.
/// </para>
/// <para>A class rather than a record so that the secrets never show up in a generated <c>ToString</c>.</para>
/// </remarks>
public sealed class SipAccount
{
    /// <summary>Creates an account; set <see cref="Password"/> or the HA1 values.</summary>
    /// <param name="username">The SIP user name, which is the extension: the user part of the To URI the phone registers.</param>
    /// <param name="displayName">The agent's name, for the console.</param>
    public SipAccount(string username, string displayName)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        ArgumentNullException.ThrowIfNull(displayName);
        Username = username;
        DisplayName = displayName;
    }

    /// <summary>The SIP user name: the extension.</summary>
    public string Username { get; }

    /// <summary>The agent's name.</summary>
    public string DisplayName { get; }

    /// <summary>The plain SIP password, which answers for every algorithm; null when only HA1 values are kept.</summary>
    public string? Password { get; init; }

    /// <summary>MD5(username:realm:password) as hex, for MD5 and MD5-sess.</summary>
    public string? Md5Ha1 { get; init; }

    /// <summary>SHA-256(username:realm:password) as hex, for SHA-256 and SHA-256-sess.</summary>
    public string? Sha256Ha1 { get; init; }

    /// <summary>An account holding the plain password.</summary>
    public static SipAccount WithPassword(string username, string displayName, string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        return new SipAccount(username, displayName) { Password = password };
    }

    /// <summary>An account holding only the HA1 values the registrar's algorithms need (either may be null).</summary>
    public static SipAccount WithHa1(string username, string displayName, string? md5Ha1, string? sha256Ha1) =>
        new(username, displayName) { Md5Ha1 = md5Ha1, Sha256Ha1 = sha256Ha1 };

    /// <summary>What proves the password for <paramref name="algorithm"/>, or null when this account cannot answer it.</summary>
    public DigestSecret? GetSecret(DigestAlgorithm algorithm)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        if (Password is not null)
        {
            return DigestSecret.FromPassword(Password);
        }

        // A "-sess" algorithm derives its session key from the same per-user HA1 as its base algorithm (RFC 7616 §3.4.2).
        var ha1 = algorithm == DigestAlgorithm.Md5 || algorithm == DigestAlgorithm.Md5Session ? Md5Ha1
            : algorithm == DigestAlgorithm.Sha256 || algorithm == DigestAlgorithm.Sha256Session ? Sha256Ha1
            : null;
        return string.IsNullOrEmpty(ha1) ? null : DigestSecret.FromHa1(ha1);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Username} ({DisplayName})";
}
