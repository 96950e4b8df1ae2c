using System.Buffers.Text;
using System.Text;

namespace CallMyWay.Voice.Telephony.Media.Dtmf;

/// <summary>Reads the DTMF key carried in the body of a SIP INFO request.</summary>
public static class SipInfoDtmf
{
    /// <summary>The de-facto format most phones and sipp send: "Signal=5\r\nDuration=160\r\n".</summary>
    public const string DtmfRelayContentType = "application/dtmf-relay";

    /// <summary>The body is the key alone.</summary>
    public const string DtmfContentType = "application/dtmf";

    /// <summary>
    /// Parses an INFO body of either content type (parameters such as charset are ignored, case is
    /// not significant). The key is returned upper case; the numeric codes 10-15 that some phones
    /// send for *, #, A-D are accepted. <paramref name="durationMs"/> is 0 when the body has none.
    /// </summary>
    public static bool TryParse(string? contentType, ReadOnlySpan<byte> body, out char digit, out int durationMs)
    {
        digit = '\0';
        durationMs = 0;
        ReadOnlySpan<char> mediaType = MediaType(contentType);
        if (mediaType.Equals(DtmfRelayContentType, StringComparison.OrdinalIgnoreCase))
        {
            return TryParseRelay(body, out digit, out durationMs);
        }

        if (mediaType.Equals(DtmfContentType, StringComparison.OrdinalIgnoreCase))
        {
            return TryParseSignal(Trim(body), out digit);
        }

        return false;
    }

    private static bool TryParseRelay(ReadOnlySpan<byte> body, out char digit, out int durationMs)
    {
        digit = '\0';
        durationMs = 0;
        bool hasSignal = false;
        while (!body.IsEmpty)
        {
            int newline = body.IndexOf((byte)'\n');
            ReadOnlySpan<byte> line = newline < 0 ? body : body[..newline];
            body = newline < 0 ? default : body[(newline + 1)..];

            int equals = line.IndexOf((byte)'=');
            if (equals < 0)
            {
                continue;
            }

            ReadOnlySpan<byte> name = Trim(line[..equals]);
            ReadOnlySpan<byte> value = Trim(line[(equals + 1)..]);
            if (!hasSignal && Ascii.EqualsIgnoreCase(name, "Signal"u8))
            {
                if (!TryParseSignal(value, out digit))
                {
                    return false;
                }

                hasSignal = true;
            }
            else if (Ascii.EqualsIgnoreCase(name, "Duration"u8)
                && Utf8Parser.TryParse(value, out int duration, out int consumed)
                && consumed == value.Length
                && duration >= 0)
            {
                // A malformed duration costs only the duration: the key is what matters.
                durationMs = duration;
            }
        }

        return hasSignal;
    }

    private static bool TryParseSignal(ReadOnlySpan<byte> value, out char digit)
    {
        digit = '\0';
        if (value.Length == 1)
        {
            char key = char.ToUpperInvariant((char)value[0]);
            if (!TelephoneEvent.TryGetEventCode(key, out _))
            {
                return false;
            }

            digit = key;
            return true;
        }

        // Some phones send the RFC 4733 event code for the keys beyond 0-9: 10 for *, 11 for #.
        if (Utf8Parser.TryParse(value, out int code, out int consumed)
            && consumed == value.Length
            && code is >= 10 and <= 15)
        {
            digit = DtmfKeypad.ToDigit(code);
            return true;
        }

        return false;
    }

    private static ReadOnlySpan<char> MediaType(string? contentType)
    {
        if (contentType is null)
        {
            return default;
        }

        ReadOnlySpan<char> value = contentType;
        int semicolon = value.IndexOf(';');
        return (semicolon < 0 ? value : value[..semicolon]).Trim();
    }

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> value) => value.Trim(" \t\r\n"u8);
}
