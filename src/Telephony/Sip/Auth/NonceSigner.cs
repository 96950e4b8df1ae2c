using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace CallMyWay.Voice.Telephony.Sip.Auth;

/// <summary>Makes and checks self-validating nonces: issue time, randomness and a MAC over both, base64url.</summary>
/// <remarks>
/// A nonce carries its own proof of origin, so the server keeps no record of the nonces it hands out: an
/// unauthenticated flood of requests, each of which gets a challenge, costs no memory, and any node that
/// holds the key can check any nonce (RFC 7616 §3.3 suggests a nonce built from a time stamp and a private
/// key for this reason, RFC 2617 §4.3). The random part makes every nonce unique, so nc tracking per nonce is exact.
/// Layout: 8 bytes issue time (UTC ticks, big-endian), 16 random bytes, the first 16 bytes of
/// HMAC-SHA256(key, first 24 bytes).
/// </remarks>
internal sealed class NonceSigner
{
    private const int TimeSize = 8;
    private const int RandomSize = 16;
    private const int MacSize = 16;
    private const int SignedSize = TimeSize + RandomSize;
    private const int NonceSize = SignedSize + MacSize;

    public static readonly int EncodedLength = Base64Url.GetEncodedLength(NonceSize);

    private readonly byte[] _key;

    public NonceSigner(ReadOnlySpan<byte> secret, string realm)
    {
        // A key per realm, so a nonce from one realm's server is not valid at another's sharing the secret.
        _key = HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes("sip-digest-nonce:" + realm));
    }

    public string Create(long issuedAtTicks)
    {
        Span<byte> nonce = stackalloc byte[NonceSize];
        BinaryPrimitives.WriteInt64BigEndian(nonce, issuedAtTicks);
        RandomNumberGenerator.Fill(nonce.Slice(TimeSize, RandomSize));
        Sign(nonce[..SignedSize], nonce[SignedSize..]);
        return Base64Url.EncodeToString(nonce);
    }

    /// <summary>Whether this server made the nonce; if so, when.</summary>
    public bool TryValidate(ReadOnlySpan<char> text, out long issuedAtTicks)
    {
        issuedAtTicks = 0;
        Span<byte> nonce = stackalloc byte[NonceSize];
        // IsValid first: the decoder throws, rather than fails, on characters outside the alphabet.
        if (text.Length != EncodedLength
            || !Base64Url.IsValid(text, out var decodedLength)
            || decodedLength != NonceSize
            || !Base64Url.TryDecodeFromChars(text, nonce, out var written)
            || written != NonceSize)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[MacSize];
        Sign(nonce[..SignedSize], expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, nonce[SignedSize..]))
        {
            return false;
        }

        issuedAtTicks = BinaryPrimitives.ReadInt64BigEndian(nonce);
        return true;
    }

    private void Sign(ReadOnlySpan<byte> signed, Span<byte> mac)
    {
        Span<byte> full = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_key, signed, full);
        full[..MacSize].CopyTo(mac);
    }
}
