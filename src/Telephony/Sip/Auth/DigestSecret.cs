namespace CallMyWay.Voice.Telephony.Sip.Auth;

/// <summary>
/// What a server knows about a user's password: the password itself, or the HA1 = H(username:realm:password)
/// for one algorithm, which registrars store so the password never sits in their database (RFC 2617 §4.13).
/// </summary>
public sealed class DigestSecret
{
    private readonly string? _password;
    private readonly string? _ha1;

    private DigestSecret(string? password, string? ha1)
    {
        _password = password;
        _ha1 = ha1;
    }

    /// <summary>A plain password: it answers for every algorithm.</summary>
    public static DigestSecret FromPassword(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        return new DigestSecret(password, null);
    }

    /// <summary>
    /// A stored HA1 (see <see cref="DigestAlgorithm.ComputeHa1"/>), hex in either case. It answers only for the
    /// algorithm it was computed with (and that algorithm's "-sess" variant), so a lookup returns the HA1 for the
    /// algorithm it is asked about.
    /// </summary>
    public static DigestSecret FromHa1(string ha1)
    {
        ArgumentException.ThrowIfNullOrEmpty(ha1);
        if (ha1.AsSpan().ContainsAnyExcept("0123456789abcdefABCDEF"))
        {
            throw new ArgumentException("An HA1 is hex text.", nameof(ha1));
        }

        // The HA1 is hashed again as text, and RFC 7616 §3.4.1 defines that text as lowercase hex.
        var lowercase = string.Create(ha1.Length, ha1, static (destination, source) => System.Text.Ascii.ToLower(source, destination, out _));
        return new DigestSecret(null, lowercase);
    }

    /// <summary>Writes the HA1 for this user, realm and algorithm.</summary>
    /// <exception cref="InvalidOperationException">A stored HA1 has the length of another algorithm's hash: a bug in the host's lookup.</exception>
    internal void WriteHa1(DigestAlgorithm algorithm, string username, string realm, Span<char> destination)
    {
        if (_password is not null)
        {
            DigestComputation.WriteHa1(algorithm, username, realm, _password, destination);
            return;
        }

        if (_ha1!.Length != algorithm.HexLength)
        {
            throw new InvalidOperationException(
                $"The HA1 looked up for '{username}' has {_ha1.Length} hex digits; {algorithm.Name} needs {algorithm.HexLength}.");
        }

        _ha1.CopyTo(destination);
    }
}
