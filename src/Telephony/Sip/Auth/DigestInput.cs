using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace CallMyWay.Voice.Telephony.Sip.Auth;

/// <summary>The UTF-8 bytes fed to one digest hash, built in a pooled buffer so no intermediate strings are made.</summary>
/// <remarks>The buffer may hold a password, so it is zeroed before it goes back to the pool.</remarks>
internal ref struct DigestInput(int expectedChars)
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(64, expectedChars * 3));
    private int _length;
    private bool _hasParts;

    public readonly ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    /// <summary>Appends text as is.</summary>
    public void Append(scoped ReadOnlySpan<char> text)
    {
        Ensure(Encoding.UTF8.GetMaxByteCount(text.Length));
        _length += Encoding.UTF8.GetBytes(text, _buffer.AsSpan(_length));
        _hasParts = true;
    }

    /// <summary>Appends one colon-separated field: the digest grammar joins every field with ":" (RFC 7616 §3.4).</summary>
    public void Part(scoped ReadOnlySpan<char> text)
    {
        if (_hasParts)
        {
            Ensure(1);
            _buffer[_length++] = (byte)':';
        }

        Append(text);
    }

    /// <summary>Writes the hash of what was appended, then starts over for the next hash.</summary>
    public void HashInto(DigestAlgorithm algorithm, scoped Span<char> destination)
    {
        algorithm.HashHex(Written, destination);
        CryptographicOperations.ZeroMemory(_buffer.AsSpan(0, _length));
        _length = 0;
        _hasParts = false;
    }

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_buffer.AsSpan(0, _length));
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        _length = 0;
    }

    private void Ensure(int more)
    {
        if (_length + more <= _buffer.Length)
        {
            return;
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + more));
        _buffer.AsSpan(0, _length).CopyTo(larger);
        CryptographicOperations.ZeroMemory(_buffer.AsSpan(0, _length));
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
