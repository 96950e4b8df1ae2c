using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace CallMyWay.Voice.Telephony.Sip.Messages;

/// <summary>
/// Parses one SIP message from a datagram or from bytes a <see cref="SipStreamFramer"/> has framed.
/// Never throws on bad input: a malformed message gives a <see cref="SipParseError"/>, which for a request
/// carries what is needed to answer it (RFC 3261 §8.2, §18.3; RFC 4475).
/// </summary>
/// <remarks>
/// Line ends are CRLF; a bare LF is tolerated. Header values are read as UTF-8 with folding (CRLF followed
/// by SP/HT) replaced by one space (RFC 3261 §7.3.1). Without Content-Length the body runs to the end of the
/// data, as RFC 3261 §18.3 allows for datagrams; bytes after the declared body are ignored. A missing
/// Max-Forwards is tolerated for RFC 2543 peers and shows as <see cref="SipMessage.MaxForwards"/> null.
/// </remarks>
public static class SipParser
{
    private const byte CR = (byte)'\r';
    private const byte LF = (byte)'\n';
    private const byte SP = (byte)' ';
    private const byte HT = (byte)'\t';

    // RFC 3261 §8.1.1: the headers every request carries; responses copy them (§8.2.6.2).
    private static readonly string[] RequiredHeaders =
        [SipHeaderNames.To, SipHeaderNames.From, SipHeaderNames.CSeq, SipHeaderNames.CallId, SipHeaderNames.Via];

    // Headers whose grammar allows exactly one value (RFC 4475 multi01).
    private static readonly string[] SingleHeaders =
        [SipHeaderNames.To, SipHeaderNames.From, SipHeaderNames.CallId, SipHeaderNames.CSeq, SipHeaderNames.MaxForwards, SipHeaderNames.ContentType];

    /// <summary>Parses a message with the default limits.</summary>
    public static bool TryParse(ReadOnlySpan<byte> data, [NotNullWhen(true)] out SipMessage? message, [NotNullWhen(false)] out SipParseError? error) =>
        TryParse(data, SipParserOptions.Default, out message, out error);

    /// <summary>Parses a message.</summary>
    /// <param name="data">One datagram, or one message framed from a stream.</param>
    /// <param name="options">Size and header-count limits.</param>
    /// <param name="message">The request or response.</param>
    /// <param name="error">Why the data is not an acceptable message.</param>
    public static bool TryParse(ReadOnlySpan<byte> data, SipParserOptions options, [NotNullWhen(true)] out SipMessage? message, [NotNullWhen(false)] out SipParseError? error)
    {
        ArgumentNullException.ThrowIfNull(options);
        message = null;
        error = null;
        if (data.Length > options.MaxMessageSize)
        {
            error = new SipParseError(SipParseErrorKind.MessageTooLarge, $"Message of {data.Length} bytes exceeds the {options.MaxMessageSize}-byte limit");
            return false;
        }

        // RFC 3261 §7.5: line breaks before the start line are ignored (they are keep-alives, RFC 5626 §3.5.1).
        var position = 0;
        while (position < data.Length && data[position] is CR or LF)
        {
            position++;
        }

        if (position == data.Length)
        {
            error = new SipParseError(SipParseErrorKind.Empty, "No message, only line breaks");
            return false;
        }

        var isResponse = IsStatusLine(data[position..]);
        if (!TryReadLine(data, ref position, out var startLine))
        {
            error = new SipParseError(
                isResponse ? SipParseErrorKind.MalformedStatusLine : SipParseErrorKind.MalformedRequestLine,
                "The start line does not end with CRLF");
            return false;
        }

        SipParseError? fault = null;
        SipMethod? method = null;
        SipUri? requestUri = null;
        var statusCode = 0;
        var reasonPhrase = string.Empty;
        if (isResponse)
        {
            ReadStatusLine(startLine, ref fault, out statusCode, out reasonPhrase);
        }
        else
        {
            ReadRequestLine(startLine, ref fault, out method, out requestUri);
        }

        var headers = new SipHeaders();
        var terminated = ReadHeaders(data, ref position, options, headers, ref fault);
        if (!terminated)
        {
            Fail(ref fault, SipParseErrorKind.MissingHeaderTerminator, "The header section does not end with an empty line");
        }

        var bodyStart = terminated ? position : data.Length;
        var available = data.Length - bodyStart;
        var bodyLength = ReadContentLength(headers, available, out var lengthFault);

        var vias = new List<ViaHeader>();
        var known = ReadKnownHeaders(headers, vias, ref fault);
        if (method is not null && known.CSeq is { } cseq && cseq.Method != method)
        {
            Fail(ref fault, SipParseErrorKind.CSeqMethodMismatch, $"CSeq method {Echo(cseq.Method.Name)} does not match request method {Echo(method.Name)}", SipHeaderNames.CSeq);
        }

        fault ??= lengthFault;
        if (fault is not null)
        {
            error = isResponse ? fault : WithPartialRequest(fault, method, headers);
            return false;
        }

        var body = data.Slice(bodyStart, bodyLength).ToArray();
        SipMessage result = isResponse
            ? new SipResponse(statusCode, reasonPhrase, headers, body)
            : new SipRequest(method!, requestUri!, headers, body);
        result.PrimeCache(vias, known.From!, known.To!, known.CSeq!, known.Contacts, known.Routes, known.RecordRoutes);
        message = result;
        return true;
    }

    /// <summary>Parses a message framed from a stream, which may span several buffer segments.</summary>
    public static bool TryParse(in ReadOnlySequence<byte> data, SipParserOptions options, [NotNullWhen(true)] out SipMessage? message, [NotNullWhen(false)] out SipParseError? error)
    {
        if (data.IsSingleSegment)
        {
            return TryParse(data.FirstSpan, options, out message, out error);
        }

        ArgumentNullException.ThrowIfNull(options);
        if (data.Length > options.MaxMessageSize)
        {
            message = null;
            error = new SipParseError(SipParseErrorKind.MessageTooLarge, $"Message of {data.Length} bytes exceeds the {options.MaxMessageSize}-byte limit");
            return false;
        }

        var length = (int)data.Length;
        var copy = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            data.CopyTo(copy);
            return TryParse(copy.AsSpan(0, length), options, out message, out error);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(copy);
        }
    }

    /// <summary>Finds Content-Length in a header section framed from a stream, where it is mandatory.</summary>
    internal static SipParseError? ReadStreamContentLength(ReadOnlySpan<byte> section, out int contentLength)
    {
        contentLength = 0;
        long? found = null;
        var position = 0;
        if (!TryReadLine(section, ref position, out _))
        {
            return new SipParseError(SipParseErrorKind.MalformedRequestLine, "The start line does not end with CRLF");
        }

        while (true)
        {
            var lineStart = position;
            if (!TryReadLine(section, ref position, out var line) || line.IsEmpty)
            {
                break;
            }

            while (position < section.Length && section[position] is SP or HT && TryReadLine(section, ref position, out _))
            {
            }

            var colon = line.IndexOf((byte)':');
            var name = colon < 0 ? default : line[..colon].TrimEnd(" \t"u8);
            if (!Ascii.EqualsIgnoreCase(name, "Content-Length"u8) && !Ascii.EqualsIgnoreCase(name, "l"u8))
            {
                continue;
            }

            var regionEnd = position - 1;
            if (regionEnd > lineStart && section[regionEnd - 1] == CR)
            {
                regionEnd--;
            }

            var value = DecodeValue(section[(lineStart + colon + 1)..regionEnd]);
            if (!SipGrammar.TryParseBoundedNumber(value, int.MaxValue, out var declared))
            {
                return new SipParseError(SipParseErrorKind.InvalidContentLength, $"Bad Content-Length {Echo(value)}", SipHeaderNames.ContentLength);
            }

            if (found is not null && found != declared)
            {
                return new SipParseError(SipParseErrorKind.DuplicateHeader, "Conflicting Content-Length headers", SipHeaderNames.ContentLength);
            }

            found = declared;
        }

        if (found is null)
        {
            // RFC 3261 §18.3: on a stream the body cannot be delimited without it.
            return new SipParseError(SipParseErrorKind.InvalidContentLength, "Missing Content-Length on a stream transport", SipHeaderNames.ContentLength);
        }

        contentLength = (int)found.Value;
        return null;
    }

    private static bool IsStatusLine(ReadOnlySpan<byte> data) =>
        data.Length >= 4 && Ascii.EqualsIgnoreCase(data[..4], "SIP/"u8);

    /// <summary>Reads up to the next LF; the line excludes its CR LF (or bare LF).</summary>
    private static bool TryReadLine(ReadOnlySpan<byte> data, ref int position, out ReadOnlySpan<byte> line)
    {
        var remaining = data[position..];
        var lf = remaining.IndexOf(LF);
        if (lf < 0)
        {
            line = default;
            return false;
        }

        line = lf > 0 && remaining[lf - 1] == CR ? remaining[..(lf - 1)] : remaining[..lf];
        position += lf + 1;
        return true;
    }

    // RFC 3261 §7.1: Request-Line = Method SP Request-URI SP SIP-Version CRLF, single spaces only
    // (RFC 4475 §3.1.2.9, §3.1.2.10 allow rejecting extra or trailing SP).
    private static void ReadRequestLine(ReadOnlySpan<byte> line, ref SipParseError? fault, out SipMethod? method, out SipUri? requestUri)
    {
        requestUri = null;
        var firstSpace = line.IndexOf(SP);
        method = SipMethod.FromAscii(firstSpace < 0 ? line : line[..firstSpace]);
        if (method is null)
        {
            Fail(ref fault, SipParseErrorKind.MalformedRequestLine, "Malformed request line: the method is not a token");
            return;
        }

        var rest = firstSpace < 0 ? default : line[(firstSpace + 1)..];
        var secondSpace = rest.IndexOf(SP);
        if (firstSpace < 0 || secondSpace <= 0 || rest[(secondSpace + 1)..].IndexOf(SP) >= 0)
        {
            Fail(ref fault, SipParseErrorKind.MalformedRequestLine, "Malformed request line: expected Method SP Request-URI SP SIP-Version");
            return;
        }

        var version = rest[(secondSpace + 1)..];
        if (!IsSip20(version))
        {
            Fail(ref fault, LooksLikeSipVersion(version) ? SipParseErrorKind.UnsupportedVersion : SipParseErrorKind.MalformedRequestLine,
                $"Unsupported SIP version {Echo(version)}");
            return;
        }

        var uriBytes = rest[..secondSpace];
        foreach (var b in uriBytes)
        {
            if (b <= SP || b >= 0x7F)
            {
                Fail(ref fault, SipParseErrorKind.MalformedRequestUri, $"Malformed Request-URI {Echo(uriBytes)}");
                return;
            }
        }

        var uriText = Encoding.ASCII.GetString(uriBytes);
        if (SipUri.TryParse(uriText, out var uri))
        {
            if (uri.RawHeaders is not null)
            {
                // RFC 3261 §19.1.1: headers are not allowed in a Request-URI (RFC 4475 §3.1.2.11).
                Fail(ref fault, SipParseErrorKind.MalformedRequestUri, "The Request-URI carries headers");
                return;
            }

            requestUri = uri;
            return;
        }

        var colon = uriText.IndexOf(':', StringComparison.Ordinal);
        var scheme = colon > 0 ? uriText[..colon] : string.Empty;
        var isSipScheme = scheme.Equals("sip", StringComparison.OrdinalIgnoreCase) || scheme.Equals("sips", StringComparison.OrdinalIgnoreCase);
        if (!isSipScheme && NameAddress.IsAbsoluteUri(uriText))
        {
            Fail(ref fault, SipParseErrorKind.UnsupportedUriScheme, $"Unsupported URI scheme {Echo(scheme)}");
        }
        else
        {
            Fail(ref fault, SipParseErrorKind.MalformedRequestUri, $"Malformed Request-URI {Echo(uriText)}");
        }
    }

    // RFC 3261 §7.2: Status-Line = SIP-Version SP Status-Code SP Reason-Phrase CRLF; Status-Code = 3DIGIT.
    private static void ReadStatusLine(ReadOnlySpan<byte> line, ref SipParseError? fault, out int statusCode, out string reasonPhrase)
    {
        statusCode = 0;
        reasonPhrase = string.Empty;
        var firstSpace = line.IndexOf(SP);
        var version = firstSpace < 0 ? line : line[..firstSpace];
        if (!IsSip20(version))
        {
            Fail(ref fault, LooksLikeSipVersion(version) ? SipParseErrorKind.UnsupportedVersion : SipParseErrorKind.MalformedStatusLine,
                $"Unsupported SIP version {Echo(version)}");
            return;
        }

        var rest = firstSpace < 0 ? default : line[(firstSpace + 1)..];
        var secondSpace = rest.IndexOf(SP);
        var code = secondSpace < 0 ? rest : rest[..secondSpace];
        if (code.Length != 3 || !char.IsAsciiDigit((char)code[0]) || !char.IsAsciiDigit((char)code[1]) || !char.IsAsciiDigit((char)code[2])
            || code[0] < (byte)'1' || code[0] > (byte)'6')
        {
            // RFC 4475 §3.1.2.19: an overlarge code must not break the receiver.
            Fail(ref fault, SipParseErrorKind.MalformedStatusLine, $"Bad status code {Echo(code)}");
            return;
        }

        var reason = secondSpace < 0 ? default : rest[(secondSpace + 1)..];
        if (reason.IndexOf(CR) >= 0)
        {
            Fail(ref fault, SipParseErrorKind.MalformedStatusLine, "The reason phrase contains a CR");
            return;
        }

        statusCode = ((code[0] - '0') * 100) + ((code[1] - '0') * 10) + (code[2] - '0');
        reasonPhrase = Encoding.UTF8.GetString(reason);
    }

    private static bool IsSip20(ReadOnlySpan<byte> version) =>
        version.Length == 7 && Ascii.EqualsIgnoreCase(version[..4], "SIP/"u8) && version[4..].SequenceEqual("2.0"u8);

    private static bool LooksLikeSipVersion(ReadOnlySpan<byte> version)
    {
        if (version.Length < 7 || !Ascii.EqualsIgnoreCase(version[..4], "SIP/"u8))
        {
            return false;
        }

        var number = version[4..];
        var dot = number.IndexOf((byte)'.');
        return dot > 0 && dot < number.Length - 1 && IsDigits(number[..dot]) && IsDigits(number[(dot + 1)..]);
    }

    private static bool IsDigits(ReadOnlySpan<byte> value)
    {
        foreach (var b in value)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Reads header lines up to the empty line; false when the data ends first.</summary>
    private static bool ReadHeaders(ReadOnlySpan<byte> data, ref int position, SipParserOptions options, SipHeaders headers, ref SipParseError? fault)
    {
        while (true)
        {
            var lineStart = position;
            if (!TryReadLine(data, ref position, out var line))
            {
                return false;
            }

            if (line.IsEmpty)
            {
                return true;
            }

            if (line[0] is SP or HT)
            {
                Fail(ref fault, SipParseErrorKind.MalformedHeaderLine, "A continuation line follows no header");
                continue;
            }

            // RFC 3261 §7.3.1: a line starting with SP or HT continues the header above it.
            while (position < data.Length && data[position] is SP or HT)
            {
                if (!TryReadLine(data, ref position, out _))
                {
                    return false;
                }
            }

            var regionEnd = position - 1;
            if (regionEnd > lineStart && data[regionEnd - 1] == CR)
            {
                regionEnd--;
            }

            if (headers.Count >= options.MaxHeaderCount)
            {
                Fail(ref fault, SipParseErrorKind.TooManyHeaders, $"More than {options.MaxHeaderCount} header lines");
                return false;
            }

            var colon = line.IndexOf((byte)':');
            if (colon < 0)
            {
                Fail(ref fault, SipParseErrorKind.MalformedHeaderLine, $"Header line without a colon: {Echo(line)}");
                continue;
            }

            var name = line[..colon].TrimEnd(" \t"u8);
            if (!SipGrammar.IsToken(name))
            {
                Fail(ref fault, SipParseErrorKind.MalformedHeaderLine, $"Malformed header name {Echo(name)}");
                continue;
            }

            // RFC 3261 §25.1: a CR stands only in CRLF, even inside a quoted-pair.
            var region = data[(lineStart + colon + 1)..regionEnd];
            if (HasBareCarriageReturn(region))
            {
                Fail(ref fault, SipParseErrorKind.MalformedHeaderLine, $"Header {Echo(name)} contains a bare CR");
                continue;
            }

            headers.AddParsed(SipHeaderNames.Canonicalize(name), DecodeValue(region));
        }
    }

    private static bool HasBareCarriageReturn(ReadOnlySpan<byte> region)
    {
        for (var i = region.IndexOf(CR); i >= 0; i = region.IndexOf(CR))
        {
            if (i + 1 >= region.Length || region[i + 1] != LF)
            {
                return true;
            }

            region = region[(i + 1)..];
        }

        return false;
    }

    /// <summary>Decodes a header value as UTF-8, replacing each fold with one space and trimming SP/HT.</summary>
    private static string DecodeValue(ReadOnlySpan<byte> region)
    {
        if (region.IndexOf(LF) < 0)
        {
            return Encoding.UTF8.GetString(region.Trim(" \t"u8));
        }

        var buffer = ArrayPool<byte>.Shared.Rent(region.Length);
        try
        {
            var length = 0;
            for (var i = 0; i < region.Length; i++)
            {
                var b = region[i];
                if (b == CR && i + 1 < region.Length && region[i + 1] == LF)
                {
                    continue;
                }

                if (b == LF)
                {
                    while (i + 1 < region.Length && region[i + 1] is SP or HT)
                    {
                        i++;
                    }

                    buffer[length++] = SP;
                    continue;
                }

                buffer[length++] = b;
            }

            return Encoding.UTF8.GetString(buffer.AsSpan(0, length).Trim(" \t"u8));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // RFC 3261 §18.3: the body is Content-Length bytes; without the header a datagram's body runs to its end.
    private static int ReadContentLength(SipHeaders headers, int available, out SipParseError? fault)
    {
        fault = null;
        var values = headers.GetRawValues(SipHeaderNames.ContentLength);
        if (values.Count == 0)
        {
            return available;
        }

        if (values.Count > 1)
        {
            fault = new SipParseError(SipParseErrorKind.DuplicateHeader, "Multiple Content-Length headers", SipHeaderNames.ContentLength);
            return 0;
        }

        if (!SipGrammar.TryParseBoundedNumber(values[0], int.MaxValue, out var declared))
        {
            fault = new SipParseError(SipParseErrorKind.InvalidContentLength, $"Bad Content-Length {Echo(values[0])}", SipHeaderNames.ContentLength);
            return 0;
        }

        if (declared > available)
        {
            fault = new SipParseError(SipParseErrorKind.ContentLengthExceedsData, $"Content-Length {declared} exceeds the {available} bytes received", SipHeaderNames.ContentLength);
            return 0;
        }

        return (int)declared;
    }

    private static KnownHeaders ReadKnownHeaders(SipHeaders headers, List<ViaHeader> vias, ref SipParseError? fault)
    {
        foreach (var name in RequiredHeaders)
        {
            if (!headers.Contains(name))
            {
                Fail(ref fault, SipParseErrorKind.MissingHeader, $"Missing {name}", name);
            }
        }

        foreach (var name in SingleHeaders)
        {
            if (headers.CountOf(name) > 1)
            {
                Fail(ref fault, SipParseErrorKind.DuplicateHeader, $"Multiple {name} headers", name);
            }
        }

        foreach (var value in headers.GetRawValues(SipHeaderNames.Via))
        {
            if (!ViaHeader.TryParseList(value, lenient: false, vias))
            {
                Fail(ref fault, SipParseErrorKind.MalformedHeaderValue, $"Bad Via {Echo(value)}", SipHeaderNames.Via);
                break;
            }
        }

        var known = new KnownHeaders
        {
            From = ReadAddress(headers, SipHeaderNames.From, ref fault),
            To = ReadAddress(headers, SipHeaderNames.To, ref fault),
        };

        if (headers.GetFirst(SipHeaderNames.CallId) is { } callId && !SipMessage.IsValidCallId(callId))
        {
            Fail(ref fault, SipParseErrorKind.MalformedHeaderValue, $"Bad Call-ID {Echo(callId)}", SipHeaderNames.CallId);
        }

        if (headers.GetFirst(SipHeaderNames.CSeq) is { } cseqText)
        {
            if (CSeq.TryParse(cseqText, out var cseq))
            {
                known.CSeq = cseq;
            }
            else
            {
                Fail(ref fault, SipParseErrorKind.MalformedHeaderValue, $"Bad CSeq {Echo(cseqText)}", SipHeaderNames.CSeq);
            }
        }

        if (headers.GetFirst(SipHeaderNames.MaxForwards) is { } maxForwards && !SipGrammar.TryParseBoundedNumber(maxForwards, 255, out _))
        {
            Fail(ref fault, SipParseErrorKind.MalformedHeaderValue, $"Bad Max-Forwards {Echo(maxForwards)}", SipHeaderNames.MaxForwards);
        }

        known.Contacts = ReadAddressList(headers, SipHeaderNames.Contact, ref fault);
        known.Routes = ReadAddressList(headers, SipHeaderNames.Route, ref fault);
        known.RecordRoutes = ReadAddressList(headers, SipHeaderNames.RecordRoute, ref fault);
        return known;
    }

    private static NameAddress? ReadAddress(SipHeaders headers, string name, ref SipParseError? fault)
    {
        if (headers.GetFirst(name) is not { } text)
        {
            return null;
        }

        if (NameAddress.TryParse(text, out var address) && !address.IsWildcard)
        {
            return address;
        }

        Fail(ref fault, SipParseErrorKind.MalformedHeaderValue, $"Bad {name} {Echo(text)}", name);
        return null;
    }

    private static IReadOnlyList<NameAddress> ReadAddressList(SipHeaders headers, string name, ref SipParseError? fault)
    {
        if (SipMessage.TryParseAddressList(headers, name, out var addresses, out var bad))
        {
            return addresses;
        }

        Fail(ref fault, SipParseErrorKind.MalformedHeaderValue, $"Bad {name} {Echo(bad!)}", name);
        return [];
    }

    // Answering needs a method that expects an answer and a Via to send it to (RFC 3261 §18.2.2).
    private static SipParseError WithPartialRequest(SipParseError fault, SipMethod? method, SipHeaders headers)
    {
        if (method is null || method == SipMethod.Ack)
        {
            return fault;
        }

        var vias = new List<ViaHeader>();
        foreach (var value in headers.GetRawValues(SipHeaderNames.Via))
        {
            ViaHeader.TryParseList(value, lenient: true, vias);
        }

        return vias.Count == 0
            ? fault
            : new SipParseError(fault.Kind, fault.Reason, fault.HeaderName, new SipPartialRequest(method, headers, vias));
    }

    private static void Fail(ref SipParseError? fault, SipParseErrorKind kind, string reason, string? headerName = null) =>
        fault ??= new SipParseError(kind, reason, headerName);

    private static string Echo(ReadOnlySpan<byte> value) => Echo(Encoding.UTF8.GetString(value[..Math.Min(value.Length, 64)]));

    // Reasons may end up in a reason phrase: keep them short and free of control characters.
    private static string Echo(string value)
    {
        var builder = new StringBuilder(Math.Min(value.Length, 64) + 5).Append('\'');
        foreach (var c in value.AsSpan(0, Math.Min(value.Length, 60)))
        {
            builder.Append(char.IsControl(c) ? '?' : c);
        }

        if (value.Length > 60)
        {
            builder.Append("...");
        }

        return builder.Append('\'').ToString();
    }

    private sealed class KnownHeaders
    {
        public NameAddress? From { get; init; }

        public NameAddress? To { get; init; }

        public CSeq? CSeq { get; set; }

        public IReadOnlyList<NameAddress> Contacts { get; set; } = [];

        public IReadOnlyList<NameAddress> Routes { get; set; } = [];

        public IReadOnlyList<NameAddress> RecordRoutes { get; set; } = [];
    }
}
