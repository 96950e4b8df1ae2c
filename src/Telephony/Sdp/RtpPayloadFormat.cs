using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CallMyWay.Voice.Telephony.Sdp;

/// <summary>
/// One RTP payload format of a stream: its payload type number and what it means, from <c>a=rtpmap</c> and
/// <c>a=fmtp</c> (RFC 8866 §6.6, §6.15) or from the static table of RFC 3551 §6.
/// </summary>
/// <param name="PayloadType">The RTP payload type number, 0-127.</param>
/// <param name="EncodingName">The media subtype, e.g. <c>PCMU</c>; compared without regard to case (RFC 4855 §3).</param>
/// <param name="ClockRate">The RTP clock rate in Hz.</param>
/// <param name="Channels">The number of audio channels.</param>
/// <param name="Parameters">The <c>a=fmtp</c> value after the payload type, or null.</param>
public sealed record RtpPayloadFormat(
    int PayloadType,
    string EncodingName,
    int ClockRate,
    int Channels = 1,
    string? Parameters = null)
{
    /// <summary>The encoding name of RFC 4733 named telephone events (DTMF).</summary>
    public const string TelephoneEventEncodingName = "telephone-event";

    /// <summary>The events we accept when nothing else is said: DTMF 0-9, *, #, A-D and flash (RFC 4733 §3.2).</summary>
    public const string DefaultTelephoneEvents = "0-16";

    /// <summary>Payload types from 96 up are dynamic and mean only what the rtpmap says (RFC 3551 §3).</summary>
    public const int FirstDynamicPayloadType = 96;

    /// <summary>G.711 µ-law, static payload type 0.</summary>
    public static RtpPayloadFormat Pcmu { get; } = new(0, "PCMU", 8000);

    /// <summary>G.711 A-law, static payload type 8.</summary>
    public static RtpPayloadFormat Pcma { get; } = new(8, "PCMA", 8000);

    /// <summary>G.722, static payload type 9. RFC 3551 §4.5.2: it samples at 16 kHz but its RTP clock is 8000 by an old mistake kept for compatibility.</summary>
    public static RtpPayloadFormat G722 { get; } = new(9, "G722", 8000);

    /// <summary>G.729, static payload type 18.</summary>
    public static RtpPayloadFormat G729 { get; } = new(18, "G729", 8000);

    /// <summary>RFC 4733 telephone-event/8000 on the given (dynamic) payload type.</summary>
    public static RtpPayloadFormat TelephoneEvent(int payloadType, string? events = DefaultTelephoneEvents) =>
        new(payloadType, TelephoneEventEncodingName, 8000, 1, events);

    /// <summary>True for RFC 4733 telephone events.</summary>
    public bool IsTelephoneEvent => EncodingName.Equals(TelephoneEventEncodingName, StringComparison.OrdinalIgnoreCase);

    /// <summary>The value of the <c>a=rtpmap</c> attribute: <c>pt name/rate[/channels]</c>.</summary>
    public string RtpMapValue => string.Create(CultureInfo.InvariantCulture, $"{PayloadType} {this}");

    /// <summary>The meaning of a static payload type from RFC 3551 §6 tables 4 and 5, used when no rtpmap is given.</summary>
    public static bool TryGetStatic(int payloadType, [NotNullWhen(true)] out RtpPayloadFormat? format) =>
        StaticPayloadTypes.TryGet(payloadType, out format);

    /// <summary>Reads an <c>a=rtpmap</c> value, <c>pt name/rate[/channels]</c>.</summary>
    public static bool TryParseRtpMap(string? value, [NotNullWhen(true)] out RtpPayloadFormat? format)
    {
        format = null;
        if (value is null)
        {
            return false;
        }

        var space = value.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0 || !TryParsePayloadType(value.AsSpan(0, space), out var payloadType))
        {
            return false;
        }

        var parts = value[(space + 1)..].Trim().Split('/');
        if (parts.Length is < 2 or > 3
            || parts[0].Length == 0
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var clockRate)
            || clockRate == 0)
        {
            return false;
        }

        var channels = 1;
        if (parts.Length == 3
            && (!int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out channels) || channels == 0))
        {
            return false;
        }

        format = new RtpPayloadFormat(payloadType, parts[0], clockRate, channels);
        return true;
    }

    /// <summary>Reads a payload type number 0-127.</summary>
    public static bool TryParsePayloadType(ReadOnlySpan<char> text, out int payloadType) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out payloadType) && payloadType <= 127;

    /// <summary>Same encoding, clock rate and channels; payload type numbers and parameters may differ.</summary>
    public bool IsSameEncoding(RtpPayloadFormat other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return EncodingName.Equals(other.EncodingName, StringComparison.OrdinalIgnoreCase)
            && ClockRate == other.ClockRate
            && Channels == other.Channels;
    }

    /// <summary><c>name/rate</c>, with <c>/channels</c> when more than one, as in an rtpmap.</summary>
    public override string ToString() => Channels == 1
        ? string.Create(CultureInfo.InvariantCulture, $"{EncodingName}/{ClockRate}")
        : string.Create(CultureInfo.InvariantCulture, $"{EncodingName}/{ClockRate}/{Channels}");
}
