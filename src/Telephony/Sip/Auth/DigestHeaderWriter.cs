using System.Buffers;
using System.Text;

namespace CallMyWay.Voice.Telephony.Sip.Auth;

/// <summary>Writes <c>Digest name=value, ...</c> header values.</summary>
/// <remarks>
/// Parameters are separated by ", " and written without spaces around "=": sipp's parser, for one, only
/// finds a parameter whose name is directly followed by "=".
/// </remarks>
internal sealed class DigestHeaderWriter
{
    // RFC 3261 §25.1 token characters.
    private static readonly SearchValues<char> TokenChars = SearchValues.Create(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.!%*_+`'~");

    private readonly StringBuilder _text = new("Digest ", 256);
    private bool _first = true;

    public DigestHeaderWriter Quoted(string name, string value)
    {
        Name(name);
        _text.Append('"');
        foreach (var c in value)
        {
            // RFC 3261 §25.1 quoted-pair: only '"' and '\' need escaping inside a quoted-string.
            if (c is '"' or '\\')
            {
                _text.Append('\\');
            }

            _text.Append(c);
        }

        _text.Append('"');
        return this;
    }

    public DigestHeaderWriter Token(string name, string value)
    {
        Name(name);
        _text.Append(value);
        return this;
    }

    /// <summary>Writes a parameter this stack does not interpret: as a token when it is one, else quoted.</summary>
    public DigestHeaderWriter Extension(string name, string value)
    {
        if (value.Length > 0 && !value.AsSpan().ContainsAnyExcept(TokenChars))
        {
            return Token(name, value);
        }

        return Quoted(name, value);
    }

    public override string ToString() => _text.ToString();

    private void Name(string name)
    {
        if (!_first)
        {
            _text.Append(", ");
        }

        _first = false;
        _text.Append(name).Append('=');
    }
}
