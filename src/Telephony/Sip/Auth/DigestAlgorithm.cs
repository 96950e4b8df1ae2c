using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace CallMyWay.Voice.Telephony.Sip.Auth;

/// <summary>A digest hash algorithm as named by the <c>algorithm</c> parameter (RFC 7616 §3.3, RFC 8760 §2.1).</summary>
/// <remarks>
/// Instances are singletons, so reference equality is algorithm equality. A "-sess" variant hashes like its
/// base algorithm; only the way HA1 is derived differs (RFC 7616 §3.4.2).
/// </remarks>
public sealed class DigestAlgorithm
{
    // The longest hash we produce, in bytes: SHA-256 and SHA-512/256 are both 32.
    internal const int MaxHashSize = 32;
    internal const int MaxHexLength = MaxHashSize * 2;

    private readonly HashFunction _function;

    private DigestAlgorithm(string name, HashFunction function, bool isSession, int strength)
    {
        Name = name;
        _function = function;
        IsSession = isSession;
        Strength = strength;
        HashSize = function == HashFunction.Md5 ? 16 : 32;
    }

    private enum HashFunction
    {
        Md5,
        Sha256,
        Sha512Truncated256,
    }

    /// <summary>MD5, the RFC 2617 default when a challenge names no algorithm.</summary>
    public static DigestAlgorithm Md5 { get; } = new("MD5", HashFunction.Md5, isSession: false, strength: 1);

    /// <summary>MD5-sess (RFC 2617 §3.2.2.2).</summary>
    public static DigestAlgorithm Md5Session { get; } = new("MD5-sess", HashFunction.Md5, isSession: true, strength: 1);

    /// <summary>SHA-256 (RFC 7616 §3.3, RFC 8760 §2.1).</summary>
    public static DigestAlgorithm Sha256 { get; } = new("SHA-256", HashFunction.Sha256, isSession: false, strength: 2);

    /// <summary>SHA-256-sess (RFC 7616 §3.4.2).</summary>
    public static DigestAlgorithm Sha256Session { get; } = new("SHA-256-sess", HashFunction.Sha256, isSession: true, strength: 2);

    /// <summary>SHA-512/256, named "SHA-512-256" on the wire (RFC 7616 §3.3, RFC 8760 §2.1).</summary>
    public static DigestAlgorithm Sha512Truncated256 { get; } =
        new("SHA-512-256", HashFunction.Sha512Truncated256, isSession: false, strength: 3);

    /// <summary>SHA-512-256-sess.</summary>
    public static DigestAlgorithm Sha512Truncated256Session { get; } =
        new("SHA-512-256-sess", HashFunction.Sha512Truncated256, isSession: true, strength: 3);

    /// <summary>Every algorithm this stack can compute.</summary>
    public static IReadOnlyList<DigestAlgorithm> All { get; } =
        [Md5, Md5Session, Sha256, Sha256Session, Sha512Truncated256, Sha512Truncated256Session];

    /// <summary>The name as written in the <c>algorithm</c> parameter, e.g. <c>SHA-256</c>.</summary>
    public string Name { get; }

    /// <summary>Whether this is a "-sess" variant, whose HA1 also covers the nonce and cnonce.</summary>
    public bool IsSession { get; }

    /// <summary>Length of the lowercase hex text this algorithm produces (32 for MD5, 64 otherwise).</summary>
    public int HexLength => HashSize * 2;

    /// <summary>Hash size in bytes.</summary>
    internal int HashSize { get; }

    /// <summary>Orders algorithms by the strength of their hash, for choosing among challenges.</summary>
    internal int Strength { get; }

    /// <summary>Finds the algorithm with this name, ignoring case (RFC 7616 §3.3: the value is case-insensitive).</summary>
    public static bool TryParse(ReadOnlySpan<char> name, [NotNullWhen(true)] out DigestAlgorithm? algorithm)
    {
        foreach (var candidate in All)
        {
            if (name.Equals(candidate.Name, StringComparison.OrdinalIgnoreCase))
            {
                algorithm = candidate;
                return true;
            }
        }

        algorithm = null;
        return false;
    }

    /// <summary>The lowercase hex hash of the UTF-8 bytes of <paramref name="value"/>.</summary>
    public string Hash(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var input = new DigestInput(value.Length);
        try
        {
            input.Append(value);
            return Hash(input.Written);
        }
        finally
        {
            input.Dispose();
        }
    }

    /// <summary>The lowercase hex hash of <paramref name="data"/>, e.g. H(entity-body) for qop=auth-int.</summary>
    public string Hash(ReadOnlySpan<byte> data)
    {
        Span<char> hex = stackalloc char[MaxHexLength];
        HashHex(data, hex);
        return new string(hex[..HexLength]);
    }

    /// <summary>
    /// H(username ":" realm ":" password), the HA1 a registrar may store instead of the password
    /// (RFC 7616 §3.4.2). For a "-sess" algorithm this is the per-user part; the session HA1 is derived
    /// from it per request.
    /// </summary>
    public string ComputeHa1(string username, string realm, string password)
    {
        Span<char> ha1 = stackalloc char[MaxHexLength];
        DigestComputation.WriteHa1(this, username, realm, password, ha1);
        return new string(ha1[..HexLength]);
    }

    /// <inheritdoc/>
    public override string ToString() => Name;

    /// <summary>Writes the lowercase hex hash of <paramref name="data"/> into the first <see cref="HexLength"/> chars.</summary>
    internal void HashHex(ReadOnlySpan<byte> data, Span<char> destination)
    {
        Span<byte> hash = stackalloc byte[MaxHashSize];
        var written = _function switch
        {
            // MD5 is what RFC 2617 peers speak; its weakness is why SHA-256 is offered first (RFC 8760 §2.4).
#pragma warning disable CA5351
            HashFunction.Md5 => MD5.HashData(data, hash),
#pragma warning restore CA5351
            HashFunction.Sha256 => SHA256.HashData(data, hash),
            _ => Sha512Truncated256Hash.HashData(data, hash),
        };

        Convert.TryToHexStringLower(hash[..written], destination, out _);
    }
}
