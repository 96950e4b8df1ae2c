using CallMyWay.Voice.Telephony.Sip.Auth;

namespace CallMyWay.Voice.Telephony.Sip.Registrar;

/// <summary>How the registrar challenges phones and keeps their bindings; bound from the <c>Sip:Registrar</c>
/// configuration section.</summary>
public sealed class RegistrarOptions
{
    /// <summary>The configuration section (<c>Sip:Registrar:Realm</c>, <c>Sip:Registrar:Algorithms</c>, ...).</summary>
    public const string SectionName = "Sip:Registrar";

    /// <summary>The digest realm. Stored HA1 values are computed with it (see <see cref="SipAccount"/>).</summary>
    public string Realm { get; set; } = "callmyway";

    /// <summary>
    /// The digest algorithms challenged with, most preferred first, each in its own WWW-Authenticate header
    /// (RFC 8760 §2.4); any of <c>MD5</c>, <c>SHA-256</c>, <c>SHA-512-256</c> and their <c>-sess</c> variants. When
    /// null or empty, <c>MD5</c> alone.
    /// </summary>
    /// <remarks>
    /// MD5 alone is the default because common phones break on anything else: baresip 1.0.0 fails to register when
    /// any SHA-256 challenge is present, and sipp 3.6.1 answers only the topmost challenge and knows only MD5. Set
    /// <c>["SHA-256", "MD5"]</c> to offer SHA-256 to phones that know it while others fall back to MD5. Null rather
    /// than a filled-in list by default because configuration binding appends to a list's existing items.
    /// </remarks>
    public IList<string>? Algorithms { get; set; }

    /// <summary>The shortest registration accepted, in seconds; shorter non-zero ones get 423 with Min-Expires
    /// (RFC 3261 §10.3 step 7).</summary>
    public int MinExpires { get; set; } = 60;

    /// <summary>The registration interval, in seconds, for a contact that asks for none (RFC 3261 §10.2.1.1).</summary>
    public int DefaultExpires { get; set; } = 3600;

    /// <summary>The longest registration granted, in seconds; longer requests are shortened to it.</summary>
    public int MaxExpires { get; set; } = 7200;

    /// <summary>
    /// How many contacts one extension may have registered at once. A REGISTER that would exceed it replaces the
    /// bindings refreshed longest ago (a rebooted phone behind NAT registers a new contact while its old one has not
    /// expired); a REGISTER that alone lists more contacts than this is refused with 403.
    /// </summary>
    public int MaxContactsPerExtension { get; set; } = 5;

    /// <summary>
    /// How many failed authentications (wrong password or unknown user) one source IP address may make for one
    /// extension within <see cref="FailureWindow"/> before its REGISTERs for that extension are answered 403, without
    /// a challenge, for <see cref="LockoutDuration"/>; 0 turns this lockout off.
    /// </summary>
    /// <remarks>
    /// Per extension rather than per address because phones behind one office NAT share an address, and a phone with
    /// a wrong password retries by itself (baresip 1.0.0: fifteen attempts at once, again a minute later): it should
    /// lock out only its own extension.
    /// </remarks>
    public int ExtensionFailureLimit { get; set; } = 10;

    /// <summary>
    /// How many failed authentications one source IP address may make across all extensions within
    /// <see cref="FailureWindow"/> before all its REGISTERs are answered 403 for <see cref="LockoutDuration"/>, which
    /// stops password spraying (a few guesses at many extensions); 0 turns this lockout off. Keep it well above
    /// <see cref="ExtensionFailureLimit"/> times the number of misconfigured phones that may share an address.
    /// </summary>
    public int AddressFailureLimit { get; set; } = 50;

    /// <summary>The sliding window in which failures are counted.</summary>
    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long an address (for one extension or for all) that reached its limit is refused.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a nonce is accepted; after that a phone that knows the password is re-challenged with
    /// stale=TRUE.</summary>
    public TimeSpan NonceLifetime { get; set; } = DigestServer.DefaultNonceLifetime;

    /// <summary>The algorithms of <see cref="Algorithms"/>, in order; MD5 alone when none are set.</summary>
    /// <exception cref="InvalidOperationException">An algorithm name is unknown (see <see cref="Validate"/>).</exception>
    public IReadOnlyList<DigestAlgorithm> GetChallengeAlgorithms()
    {
        if (Algorithms is null || Algorithms.Count == 0)
        {
            return [DigestAlgorithm.Md5];
        }

        var algorithms = new List<DigestAlgorithm>(Algorithms.Count);
        foreach (var name in Algorithms)
        {
            if (!DigestAlgorithm.TryParse(name, out var algorithm))
            {
                throw new InvalidOperationException($"{SectionName}:{nameof(Algorithms)}: '{name}' is not a digest algorithm.");
            }

            if (!algorithms.Contains(algorithm))
            {
                algorithms.Add(algorithm);
            }
        }

        return algorithms;
    }

    /// <summary>Checks every value and names the key at fault, so that a bad configuration stops the service at start.</summary>
    /// <returns>One message per bad value; empty when all are valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Realm) || Realm.AsSpan().IndexOfAny("\"\\\r\n") >= 0)
        {
            errors.Add($"{SectionName}:{nameof(Realm)} '{Realm}' must be non-empty text without quotes, backslashes or line breaks.");
        }

        foreach (var name in Algorithms ?? [])
        {
            if (!DigestAlgorithm.TryParse(name, out _))
            {
                var known = string.Join(", ", DigestAlgorithm.All.Select(algorithm => algorithm.Name));
                errors.Add($"{SectionName}:{nameof(Algorithms)} '{name}' is not one of {known}.");
            }
        }

        if (MinExpires < 1)
        {
            errors.Add($"{SectionName}:{nameof(MinExpires)} must be at least 1 second.");
        }

        if (DefaultExpires < MinExpires || DefaultExpires > MaxExpires)
        {
            errors.Add($"{SectionName}:{nameof(DefaultExpires)} {DefaultExpires} is not between {nameof(MinExpires)} {MinExpires} and {nameof(MaxExpires)} {MaxExpires}.");
        }

        if (MaxExpires < MinExpires)
        {
            errors.Add($"{SectionName}:{nameof(MaxExpires)} {MaxExpires} is below {nameof(MinExpires)} {MinExpires}.");
        }

        if (MaxContactsPerExtension < 1)
        {
            errors.Add($"{SectionName}:{nameof(MaxContactsPerExtension)} must be at least 1.");
        }

        if (ExtensionFailureLimit < 0)
        {
            errors.Add($"{SectionName}:{nameof(ExtensionFailureLimit)} cannot be negative (0 turns the lockout off).");
        }

        if (AddressFailureLimit < 0)
        {
            errors.Add($"{SectionName}:{nameof(AddressFailureLimit)} cannot be negative (0 turns the lockout off).");
        }

        if (ExtensionFailureLimit > 0 || AddressFailureLimit > 0)
        {
            RequirePositive(errors, nameof(FailureWindow), FailureWindow);
            RequirePositive(errors, nameof(LockoutDuration), LockoutDuration);
        }

        RequirePositive(errors, nameof(NonceLifetime), NonceLifetime);
        return errors;
    }

    private static void RequirePositive(List<string> errors, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{SectionName}:{name} must be positive.");
        }
    }
}
