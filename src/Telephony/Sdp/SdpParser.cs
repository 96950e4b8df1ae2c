using System.Globalization;

namespace CallMyWay.Voice.Telephony.Sdp;

/// <summary>
/// Reads SDP text into a <see cref="SessionDescription"/>. Lenient where peers differ in harmless ways (bare LF,
/// trailing whitespace, blank lines, session lines out of order, unknown type letters and attributes), strict
/// where a mistake would send media to the wrong place (v=, o=, c=, m=, b=, t=). Never throws on bad input.
/// </summary>
internal static class SdpParser
{
    private static readonly SdpOrigin Placeholder = new("-", "0", 0, "IN", "IP4", "0.0.0.0");

    public static string TooLong(int length, string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"SDP is {length} {unit} long; at most {SessionDescription.MaxLength} are accepted");

    public static bool TryParse(ReadOnlySpan<char> text, out SessionDescription? description, out string error)
    {
        description = null;
        if (text.Length > SessionDescription.MaxLength)
        {
            error = TooLong(text.Length, "characters");
            return false;
        }

        var session = new SessionDescription(Placeholder);
        MediaDescription? media = null;
        var state = new State();
        var lineNumber = 0;
        while (!text.IsEmpty)
        {
            var end = text.IndexOf('\n');
            var line = end < 0 ? text : text[..end];
            text = end < 0 ? [] : text[(end + 1)..];
            lineNumber++;

            // Bare LF as well as CRLF; trailing blanks are a common slip of hand-written and templated SDP.
            line = line.TrimEnd(" \t\r");
            if (line.IsEmpty)
            {
                continue;
            }

            error = media is null
                ? ReadSessionLine(line, session, ref media, ref state)
                : ReadMediaSectionLine(line, session, ref media);
            if (error.Length != 0)
            {
                error = string.Create(CultureInfo.InvariantCulture, $"line {lineNumber}: {error}");
                return false;
            }
        }

        if (!state.SawVersion)
        {
            error = "not SDP: no v= line";
            return false;
        }

        if (!state.SawOrigin)
        {
            error = "missing o= line (RFC 8866 §5.2 requires it)";
            return false;
        }

        description = session;
        error = string.Empty;
        return true;
    }

    private static string ReadSessionLine(
        ReadOnlySpan<char> line,
        SessionDescription session,
        ref MediaDescription? media,
        ref State state)
    {
        if (!TrySplitLine(line, out var type, out var value, out var error))
        {
            return error;
        }

        if (!state.SawVersion)
        {
            if (type != 'v')
            {
                return "SDP must start with v=0";
            }

            if (!value.SequenceEqual("0"))
            {
                return $"unsupported SDP version 'v={Shorten(value)}'; only v=0 exists";
            }

            state.SawVersion = true;
            return string.Empty;
        }

        switch (type)
        {
            case 'v':
                return "v= may appear only once";
            case 'o':
                if (state.SawOrigin)
                {
                    return "o= may appear only once";
                }

                state.SawOrigin = true;
                return ReadOrigin(value, session);
            case 's':
                session.SessionName = value.ToString();
                return string.Empty;
            case 'i':
                session.Information = value.ToString();
                return string.Empty;
            case 'u':
                session.Uri = value.ToString();
                return string.Empty;
            case 'e':
                session.Emails.Add(value.ToString());
                return string.Empty;
            case 'p':
                session.Phones.Add(value.ToString());
                return string.Empty;
            case 'c':
                return ReadConnection(value, session.Connection, session.UnknownLines, c => session.Connection = c);
            case 'b':
                return ReadBandwidth(value, session.Bandwidths);
            case 't':
                return ReadTiming(value, session.Timings);
            case 'r':
                if (session.Timings.Count == 0)
                {
                    return "r= must follow a t= line";
                }

                session.Timings[^1].Repeats.Add(value.ToString());
                return string.Empty;
            case 'z':
                session.TimeZones = value.ToString();
                return string.Empty;
            case 'k':
                session.EncryptionKey = value.ToString();
                return string.Empty;
            case 'a':
                return ReadAttribute(value, session.Attributes);
            case 'm':
                return StartMedia(value, session, ref media);
            default:
                session.UnknownLines.Add(new SdpLine(type, value.ToString()));
                return string.Empty;
        }
    }

    private static string ReadMediaSectionLine(ReadOnlySpan<char> line, SessionDescription session, ref MediaDescription? media)
    {
        if (!TrySplitLine(line, out var type, out var value, out var error))
        {
            return error;
        }

        var current = media!;
        switch (type)
        {
            case 'm':
                return StartMedia(value, session, ref media);
            case 'i':
                current.Information = value.ToString();
                return string.Empty;
            case 'c':
                return ReadConnection(value, current.Connection, current.UnknownLines, c => current.Connection = c);
            case 'b':
                return ReadBandwidth(value, current.Bandwidths);
            case 'k':
                current.EncryptionKey = value.ToString();
                return string.Empty;
            case 'a':
                return ReadAttribute(value, current.Attributes);
            case 'v' or 'o' or 's' or 'u' or 'e' or 'p' or 't' or 'r' or 'z':
                return $"{type}= belongs to the session section and may not follow an m= line";
            default:
                current.UnknownLines.Add(new SdpLine(type, value.ToString()));
                return string.Empty;
        }
    }

    private static bool TrySplitLine(ReadOnlySpan<char> line, out char type, out ReadOnlySpan<char> value, out string error)
    {
        type = line[0];
        value = default;
        if (line.Length < 2 || line[1] != '=')
        {
            error = $"expected <type>=<value> but found '{Shorten(line)}'";
            return false;
        }

        // RFC 8866 §5: the type is exactly one case-significant letter.
        if (type is < 'a' or > 'z')
        {
            error = $"'{Shorten(line[..1])}' is not an SDP line type (a lower-case letter)";
            return false;
        }

        value = line[2..];
        error = string.Empty;
        return true;
    }

    private static string ReadOrigin(ReadOnlySpan<char> value, SessionDescription session)
    {
        Span<Range> parts = stackalloc Range[7];
        if (Split(value, parts) != 6)
        {
            return $"o= needs <username> <sess-id> <sess-version> <nettype> <addrtype> <address> but is '{Shorten(value)}'";
        }

        if (!ulong.TryParse(value[parts[2]], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return $"o= session version '{Shorten(value[parts[2]])}' is not a number";
        }

        session.Origin = new SdpOrigin(
            value[parts[0]].ToString(),
            value[parts[1]].ToString(),
            version,
            value[parts[3]].ToString(),
            value[parts[4]].ToString(),
            value[parts[5]].ToString());
        return string.Empty;
    }

    private static string ReadConnection(
        ReadOnlySpan<char> value,
        SdpConnection? existing,
        IList<SdpLine> unknown,
        Action<SdpConnection> set)
    {
        Span<Range> parts = stackalloc Range[4];
        if (Split(value, parts) != 3)
        {
            return $"c= needs <nettype> <addrtype> <address> but is '{Shorten(value)}'";
        }

        // Several c= lines only make sense for layered multicast (RFC 8866 §5.7); the first one is the one we use.
        if (existing is not null)
        {
            unknown.Add(new SdpLine('c', value.ToString()));
            return string.Empty;
        }

        set(new SdpConnection(value[parts[0]].ToString(), value[parts[1]].ToString(), value[parts[2]].ToString()));
        return string.Empty;
    }

    private static string ReadBandwidth(ReadOnlySpan<char> value, IList<SdpBandwidth> bandwidths)
    {
        var colon = value.IndexOf(':');
        if (colon <= 0
            || !ulong.TryParse(value[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var bandwidth))
        {
            return $"b= must be <bwtype>:<number> but is '{Shorten(value)}'";
        }

        bandwidths.Add(new SdpBandwidth(value[..colon].ToString(), bandwidth));
        return string.Empty;
    }

    private static string ReadTiming(ReadOnlySpan<char> value, IList<SdpTiming> timings)
    {
        Span<Range> parts = stackalloc Range[3];
        if (Split(value, parts) != 2
            || !ulong.TryParse(value[parts[0]], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            || !ulong.TryParse(value[parts[1]], NumberStyles.None, CultureInfo.InvariantCulture, out var stop))
        {
            return $"t= must be <start-time> <stop-time> but is '{Shorten(value)}'";
        }

        timings.Add(new SdpTiming(start, stop));
        return string.Empty;
    }

    private static string ReadAttribute(ReadOnlySpan<char> value, IList<SdpAttribute> attributes)
    {
        var colon = value.IndexOf(':');
        var name = colon < 0 ? value : value[..colon];
        if (name.IsEmpty || name.ContainsAny(' ', '\t'))
        {
            return $"a= needs a name, as a=<name> or a=<name>:<value>, but is '{Shorten(value)}'";
        }

        attributes.Add(new SdpAttribute(name.ToString(), colon < 0 ? null : value[(colon + 1)..].ToString()));
        return string.Empty;
    }

    private static string StartMedia(ReadOnlySpan<char> value, SessionDescription session, ref MediaDescription? media)
    {
        var parts = value.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 3 || string.IsNullOrWhiteSpace(parts[0]) || string.IsNullOrWhiteSpace(parts[2]))
        {
            return $"m= needs <media> <port> <proto> <fmt> ... but is '{Shorten(value)}'";
        }

        var portText = parts[1].AsSpan();
        var slash = portText.IndexOf('/');
        var countText = slash < 0 ? [] : portText[(slash + 1)..];
        if (slash >= 0)
        {
            portText = portText[..slash];
        }

        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > ushort.MaxValue)
        {
            return $"m= port '{Shorten(parts[1])}' is not a number from 0 to 65535";
        }

        int? count = null;
        if (slash >= 0)
        {
            if (!int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var ports) || ports == 0)
            {
                return $"m= port count in '{Shorten(parts[1])}' is not a positive number";
            }

            count = ports;
        }

        // RFC 8866 §5.14 wants at least one format; a rejected stream (port 0) is tolerated without one.
        if (parts.Length == 3 && port != 0)
        {
            return $"m= lists no media formats: '{Shorten(value)}'";
        }

        media = new MediaDescription(parts[0], port, parts[2]) { PortCount = count };
        for (var i = 3; i < parts.Length; i++)
        {
            media.Formats.Add(parts[i]);
        }

        session.Media.Add(media);
        return string.Empty;
    }

    private static int Split(ReadOnlySpan<char> value, Span<Range> parts)
    {
        var count = 0;
        var index = 0;
        while (index < value.Length)
        {
            while (index < value.Length && value[index] == ' ')
            {
                index++;
            }

            if (index == value.Length)
            {
                break;
            }

            var start = index;
            while (index < value.Length && value[index] != ' ')
            {
                index++;
            }

            if (count == parts.Length)
            {
                return count + 1;
            }

            parts[count++] = start..index;
        }

        return count;
    }

    // Error texts echo the offending input, but briefly and without control characters: they end up in logs.
    private static string Shorten(ReadOnlySpan<char> text)
    {
        const int Limit = 60;
        var shown = text.Length > Limit ? text[..Limit] : text;
        Span<char> buffer = stackalloc char[Limit];
        for (var i = 0; i < shown.Length; i++)
        {
            buffer[i] = char.IsControl(shown[i]) ? '?' : shown[i];
        }

        var result = buffer[..shown.Length].ToString();
        return text.Length > Limit ? result + "..." : result;
    }

    private struct State
    {
        public bool SawVersion;
        public bool SawOrigin;
    }
}
