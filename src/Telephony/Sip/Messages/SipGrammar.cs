using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CallMyWay.Voice.Telephony.Sip.Messages;

/// <summary>Character classes and small productions of the RFC 3261 §25.1 grammar.</summary>
internal static class SipGrammar
{
    // RFC 3261 §25.1: token = 1*(alphanum / "-" / "." / "!" / "%" / "*" / "_" / "+" / "`" / "'" / "~" )
    private static readonly SearchValues<char> TokenChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.!%*_+`'~");

    // word adds the separators that a Call-ID may carry.
    private static readonly SearchValues<char> WordChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.!%*_+`'~()<>:\\\"/[]?{}");

    // unreserved = alphanum / mark; mark = "-" / "_" / "." / "!" / "~" / "*" / "'" / "(" / ")"
    private static readonly SearchValues<char> UserChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.!~*'()&=+$,;?/");

    private static readonly SearchValues<char> PasswordChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.!~*'()&=+$,");

    // paramchar = param-unreserved / unreserved / escaped; param-unreserved = "[" / "]" / "/" / ":" / "&" / "+" / "$"
    private static readonly SearchValues<char> ParamChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.!~*'()[]/:&+$");

    // hname/hvalue = *( hnv-unreserved / unreserved / escaped ); hnv-unreserved = "[" / "]" / "/" / "?" / ":" / "+" / "$"
    private static readonly SearchValues<char> UriHeaderChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.!~*'()[]/?:+$");

    // Generic parameter values are token / host / quoted-string; host adds the IPv6 punctuation.
    private static readonly SearchValues<char> GenericValueChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.!%*_+`'~[]:");

    public static bool IsWhitespace(char c) => c is ' ' or '\t';

    public static bool IsTokenChar(char c) => TokenChars.Contains(c);

    public static bool IsGenericValueChar(char c) => GenericValueChars.Contains(c);

    public static bool IsToken(ReadOnlySpan<char> value) => !value.IsEmpty && !value.ContainsAnyExcept(TokenChars);

    public static bool IsToken(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
        {
            return false;
        }

        foreach (var b in value)
        {
            if (b >= 0x80 || !TokenChars.Contains((char)b))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsWord(ReadOnlySpan<char> value) => !value.IsEmpty && !value.ContainsAnyExcept(WordChars);

    public static bool IsValidUser(ReadOnlySpan<char> value) => !value.IsEmpty && IsEscapedOf(value, UserChars);

    public static bool IsValidPassword(ReadOnlySpan<char> value) => IsEscapedOf(value, PasswordChars);

    public static bool IsValidParamText(ReadOnlySpan<char> value) => !value.IsEmpty && IsEscapedOf(value, ParamChars);

    public static bool IsValidUriHeaderText(ReadOnlySpan<char> value) => IsEscapedOf(value, UriHeaderChars);

    /// <summary>A parameter value as written: a quoted-string, or token/host/paramchar text.</summary>
    public static bool IsValidParameterValue(string value)
    {
        if (value.StartsWith('"'))
        {
            var reader = new SipValueReader(value);
            return reader.TryReadQuotedString(out _, out _) && reader.End;
        }

        return value.Length > 0 && (!value.AsSpan().ContainsAnyExcept(GenericValueChars) || IsValidParamText(value));
    }

    /// <summary>Every character is allowed or starts a well-formed %HH escape.</summary>
    private static bool IsEscapedOf(ReadOnlySpan<char> value, SearchValues<char> allowed)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '%')
            {
                if (i + 2 >= value.Length || !char.IsAsciiHexDigit(value[i + 1]) || !char.IsAsciiHexDigit(value[i + 2]))
                {
                    return false;
                }

                i += 2;
            }
            else if (!allowed.Contains(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Decodes %HH escapes; the octets are read as UTF-8 (RFC 3261 §19.1.2).</summary>
    public static string Unescape(ReadOnlySpan<char> value)
    {
        if (!value.Contains('%'))
        {
            return value.ToString();
        }

        var rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(value.Length));
        try
        {
            var length = 0;
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                if (c == '%' && i + 2 < value.Length && char.IsAsciiHexDigit(value[i + 1]) && char.IsAsciiHexDigit(value[i + 2]))
                {
                    rented[length++] = (byte)((HexValue(value[i + 1]) << 4) | HexValue(value[i + 2]));
                    i += 2;
                }
                else
                {
                    length += Encoding.UTF8.GetBytes(value.Slice(i, 1), rented.AsSpan(length));
                }
            }

            return Encoding.UTF8.GetString(rented, 0, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Escapes every octet outside the user production (RFC 3261 §25.1).</summary>
    public static string EscapeUser(string value) => Escape(value, UserChars);

    public static string EscapePassword(string value) => Escape(value, PasswordChars);

    private static string Escape(string value, SearchValues<char> allowed)
    {
        if (!value.AsSpan().ContainsAnyExcept(allowed))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 8);
        Span<byte> octets = stackalloc byte[4];
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (allowed.Contains(c))
            {
                builder.Append(c);
                continue;
            }

            var width = char.IsHighSurrogate(c) && i + 1 < value.Length ? 2 : 1;
            var count = Encoding.UTF8.GetBytes(value.AsSpan(i, width), octets);
            for (var j = 0; j < count; j++)
            {
                builder.Append('%').Append(octets[j].ToString("X2", CultureInfo.InvariantCulture));
            }

            i += width - 1;
        }

        return builder.ToString();
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    /// <summary>Reads a host: a domain name, a dotted IPv4 address or a bracketed IPv6 reference.</summary>
    public static bool TryClassifyHost(ReadOnlySpan<char> host, out SipHostKind kind)
    {
        kind = SipHostKind.DomainName;
        if (host.IsEmpty)
        {
            return false;
        }

        if (host[0] == '[')
        {
            kind = SipHostKind.IPv6;
            return host.Length > 2 && host[^1] == ']' && IsIPv6Address(host[1..^1]);
        }

        if (IsIPv4Address(host))
        {
            kind = SipHostKind.IPv4;
            return true;
        }

        return IsHostName(host);
    }

    public static bool IsIPv6Address(ReadOnlySpan<char> value) =>
        value.Contains(':') && !value.Contains('%')
        && IPAddress.TryParse(value, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6;

    public static bool IsIPv4Address(ReadOnlySpan<char> value)
    {
        var parts = 0;
        while (true)
        {
            var dot = value.IndexOf('.');
            var part = dot < 0 ? value : value[..dot];
            if (part.IsEmpty || part.Length > 3 || !IsDigits(part) || int.Parse(part, CultureInfo.InvariantCulture) > 255)
            {
                return false;
            }

            parts++;
            if (dot < 0)
            {
                return parts == 4;
            }

            value = value[(dot + 1)..];
        }
    }

    // RFC 3261 §25.1: hostname = *( domainlabel "." ) toplabel [ "." ]; toplabel starts with ALPHA.
    private static bool IsHostName(ReadOnlySpan<char> host)
    {
        if (host[^1] == '.')
        {
            host = host[..^1];
        }

        if (host.IsEmpty)
        {
            return false;
        }

        ReadOnlySpan<char> label = default;
        while (!host.IsEmpty)
        {
            var dot = host.IndexOf('.');
            label = dot < 0 ? host : host[..dot];
            if (label.IsEmpty || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }

            foreach (var c in label)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c != '-')
                {
                    return false;
                }
            }

            host = dot < 0 ? default : host[(dot + 1)..];
        }

        return char.IsAsciiLetter(label[0]);
    }

    public static bool IsDigits(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    public static bool TryParsePort(ReadOnlySpan<char> value, out int port)
    {
        port = 0;
        return IsDigits(value) && value.Length <= 5
            && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port <= 65535;
    }

    /// <summary>Parses 1*DIGIT into a bounded non-negative number; leading zeros are allowed.</summary>
    public static bool TryParseBoundedNumber(ReadOnlySpan<char> value, long max, out long number)
    {
        number = 0;
        if (!IsDigits(value))
        {
            return false;
        }

        foreach (var c in value)
        {
            number = (number * 10) + (c - '0');
            if (number > max)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Quotes a display name or parameter value as an RFC 3261 quoted-string.</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.Append('"').ToString();
    }

    /// <summary>Brackets a bare IPv6 address so that it can stand as a host.</summary>
    public static string NormalizeHost(string host) =>
        host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('[') ? $"[{host}]" : host;
}
