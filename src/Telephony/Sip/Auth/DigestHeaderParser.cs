namespace CallMyWay.Voice.Telephony.Sip.Auth;

/// <summary>
/// Reads the value of a WWW-Authenticate, Proxy-Authenticate, Authorization or Proxy-Authorization header:
/// <c>Digest</c> then comma-separated auth-params (RFC 3261 §25.1 challenge / credentials, RFC 7235 §2.1).
/// </summary>
/// <remarks>
/// RFC 3261 §7.3.1 keeps these headers out of comma-joined lists, so one value holds exactly one challenge
/// or one set of credentials. The grammar is read strictly where a mistake changes meaning (quotes, "=",
/// separators) and leniently where peers differ harmlessly: any case for the scheme and names, whitespace
/// (folded lines included) around "=" and ",", empty list elements, and unquoted values that are not strict
/// tokens (e.g. base64 nonces).
/// </remarks>
internal static class DigestHeaderParser
{
    // Far above the dozen a digest header carries; bounds the work a hostile header can cause.
    private const int MaxParameters = 64;

    public static DigestParseError Parse(ReadOnlySpan<char> value, List<AuthParameter> parameters)
    {
        var position = SkipWhitespace(value, 0);
        if (position == value.Length)
        {
            return DigestParseError.Empty;
        }

        var schemeStart = position;
        while (position < value.Length && IsTokenChar(value[position]))
        {
            position++;
        }

        if (position == schemeStart || (position < value.Length && !IsWhitespace(value[position])))
        {
            return DigestParseError.Malformed;
        }

        if (!value[schemeStart..position].Equals("Digest", StringComparison.OrdinalIgnoreCase))
        {
            return DigestParseError.NotDigest;
        }

        while (true)
        {
            // Empty list elements (",,") are allowed by the #rule (RFC 7230 §7).
            while (position < value.Length && (IsWhitespace(value[position]) || value[position] == ','))
            {
                position++;
            }

            if (position == value.Length)
            {
                return DigestParseError.None;
            }

            var nameStart = position;
            while (position < value.Length && IsTokenChar(value[position]))
            {
                position++;
            }

            if (position == nameStart)
            {
                return DigestParseError.Malformed;
            }

            var name = value[nameStart..position];
            position = SkipWhitespace(value, position);
            if (position == value.Length || value[position] != '=')
            {
                return DigestParseError.Malformed;
            }

            position = SkipWhitespace(value, position + 1);
            if (position == value.Length)
            {
                return DigestParseError.Malformed;
            }

            string parameterValue;
            bool quoted;
            if (value[position] == '"')
            {
                if (!TryReadQuotedString(value, ref position, out parameterValue))
                {
                    return DigestParseError.Malformed;
                }

                quoted = true;
            }
            else
            {
                var valueStart = position;
                while (position < value.Length && IsUnquotedValueChar(value[position]))
                {
                    position++;
                }

                if (position == valueStart)
                {
                    return DigestParseError.Malformed;
                }

                parameterValue = value[valueStart..position].ToString();
                quoted = false;
            }

            position = SkipWhitespace(value, position);
            if (position < value.Length && value[position] != ',')
            {
                return DigestParseError.Malformed;
            }

            foreach (var existing in parameters)
            {
                if (name.Equals(existing.Name, StringComparison.OrdinalIgnoreCase))
                {
                    return DigestParseError.DuplicateParameter;
                }
            }

            if (parameters.Count == MaxParameters)
            {
                return DigestParseError.Malformed;
            }

            parameters.Add(new AuthParameter(name.ToString(), parameterValue, quoted));
        }
    }

    /// <summary>RFC 3261 §25.1 token characters.</summary>
    internal static bool IsTokenChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '!' or '%' or '*' or '_' or '+' or '`' or '\'' or '~';

    private static bool IsWhitespace(char c) => c is ' ' or '\t' or '\r' or '\n';

    // Anything visible but the separators that would make the value ambiguous.
    private static bool IsUnquotedValueChar(char c) => c > ' ' && c != ',' && c != '"' && c != 0x7F;

    private static int SkipWhitespace(ReadOnlySpan<char> value, int position)
    {
        while (position < value.Length && IsWhitespace(value[position]))
        {
            position++;
        }

        return position;
    }

    // RFC 3261 §25.1 quoted-string with quoted-pair: a backslash takes the next character literally.
    private static bool TryReadQuotedString(ReadOnlySpan<char> value, ref int position, out string text)
    {
        var start = position + 1;
        var escapes = 0;
        var end = start;
        while (true)
        {
            if (end == value.Length)
            {
                text = string.Empty;
                return false;
            }

            var c = value[end];
            if (c == '"')
            {
                break;
            }

            if (c == '\\')
            {
                if (end + 1 == value.Length)
                {
                    text = string.Empty;
                    return false;
                }

                escapes++;
                end += 2;
                continue;
            }

            end++;
        }

        var raw = value[start..end];
        position = end + 1;
        if (escapes == 0)
        {
            text = raw.ToString();
            return true;
        }

        Span<char> unescaped = raw.Length <= 256 ? stackalloc char[raw.Length] : new char[raw.Length];
        var length = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '\\')
            {
                i++;
            }

            unescaped[length++] = raw[i];
        }

        text = new string(unescaped[..length]);
        return true;
    }
}
