using System.Text;

namespace CallMyWay.Voice.Telephony.Sip.Messages;

/// <summary>A cursor over one unfolded header value, reading the RFC 3261 §25.1 building blocks.</summary>
internal ref struct SipValueReader
{
    private readonly ReadOnlySpan<char> _text;

    public SipValueReader(ReadOnlySpan<char> text) => _text = text;

    public int Position { get; private set; }

    public readonly bool End => Position >= _text.Length;

    public readonly char Current => _text[Position];

    public readonly ReadOnlySpan<char> Remaining => _text[Position..];

    public void Advance(int count) => Position = Math.Min(Position + count, _text.Length);

    public void SkipWhitespace()
    {
        while (Position < _text.Length && SipGrammar.IsWhitespace(_text[Position]))
        {
            Position++;
        }
    }

    public bool TryConsume(char c)
    {
        if (Position < _text.Length && _text[Position] == c)
        {
            Position++;
            return true;
        }

        return false;
    }

    /// <summary>Consumes <paramref name="c"/> with optional whitespace around it (SWS c SWS).</summary>
    public bool TryConsumeSeparator(char c)
    {
        var start = Position;
        SkipWhitespace();
        if (TryConsume(c))
        {
            SkipWhitespace();
            return true;
        }

        Position = start;
        return false;
    }

    public ReadOnlySpan<char> ReadToken()
    {
        var start = Position;
        while (Position < _text.Length && SipGrammar.IsTokenChar(_text[Position]))
        {
            Position++;
        }

        return _text[start..Position];
    }

    public ReadOnlySpan<char> ReadGenericValue()
    {
        var start = Position;
        while (Position < _text.Length && SipGrammar.IsGenericValueChar(_text[Position]))
        {
            Position++;
        }

        return _text[start..Position];
    }

    /// <summary>Reads until whitespace or one of the stop characters.</summary>
    public ReadOnlySpan<char> ReadUntil(char stop1, char stop2)
    {
        var start = Position;
        while (Position < _text.Length)
        {
            var c = _text[Position];
            if (c == stop1 || c == stop2 || SipGrammar.IsWhitespace(c))
            {
                break;
            }

            Position++;
        }

        return _text[start..Position];
    }

    /// <summary>Reads a quoted-string at the cursor: <paramref name="raw"/> keeps quotes and escapes.</summary>
    public bool TryReadQuotedString(out string unescaped, out ReadOnlySpan<char> raw)
    {
        unescaped = string.Empty;
        raw = default;
        var start = Position;
        if (!TryConsume('"'))
        {
            return false;
        }

        StringBuilder? builder = null;
        var runStart = Position;
        while (Position < _text.Length)
        {
            var c = _text[Position];
            if (c == '"')
            {
                var tail = _text[runStart..Position];
                unescaped = builder is null ? tail.ToString() : builder.Append(tail).ToString();
                Position++;
                raw = _text[start..Position];
                return true;
            }

            if (c is '\r' or '\n')
            {
                break;
            }

            if (c == '\\')
            {
                // RFC 3261 §25.1: quoted-pair = "\" (%x00-09 / %x0B-0C / %x0E-7F)
                if (Position + 1 >= _text.Length || _text[Position + 1] is '\r' or '\n')
                {
                    break;
                }

                builder ??= new StringBuilder();
                builder.Append(_text[runStart..Position]).Append(_text[Position + 1]);
                Position += 2;
                runStart = Position;
                continue;
            }

            Position++;
        }

        Position = start;
        return false;
    }

    /// <summary>Reads <c>*( SEMI generic-param )</c> up to the end of the value (RFC 3261 §25.1).</summary>
    public bool TryReadParameters(bool lenient, out SipParameters parameters)
    {
        parameters = SipParameters.Empty;
        List<SipParameter>? items = null;
        while (true)
        {
            SkipWhitespace();
            if (End)
            {
                parameters = SipParameters.FromList(items);
                return true;
            }

            if (!TryConsume(';'))
            {
                return false;
            }

            SkipWhitespace();
            var name = ReadToken();
            if (name.IsEmpty)
            {
                if (lenient)
                {
                    continue;
                }

                return false;
            }

            string? value = null;
            if (TryConsumeSeparator('='))
            {
                if (!End && Current == '"')
                {
                    if (!TryReadQuotedString(out _, out var quoted))
                    {
                        return false;
                    }

                    value = quoted.ToString();
                }
                else
                {
                    var plain = ReadGenericValue();
                    if (plain.IsEmpty)
                    {
                        return false;
                    }

                    value = plain.ToString();
                }
            }

            (items ??= []).Add(new SipParameter(name.ToString(), value));
        }
    }
}
