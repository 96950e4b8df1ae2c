using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace CallMyWay.Voice.Telephony.Sdp;

/// <summary>
/// A session description (RFC 8866, which obsoletes RFC 4566): the session-level lines and the media
/// descriptions, parsed leniently from what peers send and written back in the RFC's line order with CRLF.
/// </summary>
public sealed class SessionDescription
{
    /// <summary>The longest SDP body TryParse reads, in bytes or characters; a call's SDP is a few hundred bytes.</summary>
    public const int MaxLength = 64 * 1024;

    /// <summary>Creates a description with the given origin, session name <c>-</c> and nothing else.</summary>
    public SessionDescription(SdpOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(origin);
        Origin = origin;
    }

    /// <summary>The <c>o=</c> line.</summary>
    public SdpOrigin Origin { get; set; }

    /// <summary>The <c>s=</c> line; <c>-</c> when the session has no name (RFC 3264 §5 suggests it).</summary>
    public string SessionName { get; set; } = "-";

    /// <summary>The <c>i=</c> session information.</summary>
    public string? Information { get; set; }

    /// <summary>The <c>u=</c> URI.</summary>
    public string? Uri { get; set; }

    /// <summary>The <c>e=</c> lines.</summary>
    public IList<string> Emails { get; } = [];

    /// <summary>The <c>p=</c> lines.</summary>
    public IList<string> Phones { get; } = [];

    /// <summary>The session-level <c>c=</c> line; media descriptions without their own use it.</summary>
    public SdpConnection? Connection { get; set; }

    /// <summary>The session-level <c>b=</c> lines.</summary>
    public IList<SdpBandwidth> Bandwidths { get; } = [];

    /// <summary>The <c>t=</c> lines with their <c>r=</c> lines; written as <c>t=0 0</c> when empty.</summary>
    public IList<SdpTiming> Timings { get; } = [];

    /// <summary>The <c>z=</c> line, kept as written.</summary>
    public string? TimeZones { get; set; }

    /// <summary>The obsolete <c>k=</c> line, kept as written.</summary>
    public string? EncryptionKey { get; set; }

    /// <summary>The session-level <c>a=</c> lines in their order, unknown ones included.</summary>
    public IList<SdpAttribute> Attributes { get; } = [];

    /// <summary>Session-level lines with a type letter this parser does not interpret, kept for the round trip.</summary>
    public IList<SdpLine> UnknownLines { get; } = [];

    /// <summary>The media descriptions in their order; the order matters to offer/answer (RFC 3264 §6).</summary>
    public IList<MediaDescription> Media { get; } = [];

    /// <summary>The session-level direction attribute, or null when absent.</summary>
    public MediaDirection? Direction
    {
        get => Attributes.GetDirection();
        set => Attributes.SetDirection(value);
    }

    /// <summary>Parses SDP text with CRLF or bare LF line ends. Never throws on bad input.</summary>
    /// <param name="text">The SDP body.</param>
    /// <param name="description">The parsed description, or null on failure.</param>
    /// <param name="error">Empty on success; otherwise what is wrong and on which line.</param>
    public static bool TryParse(
        string? text,
        [NotNullWhen(true)] out SessionDescription? description,
        out string error) => SdpParser.TryParse(text.AsSpan(), out description, out error);

    /// <summary>Parses an SDP body as received in a SIP message (UTF-8, RFC 8866 §5). Never throws on bad input.</summary>
    public static bool TryParse(
        ReadOnlySpan<byte> utf8,
        [NotNullWhen(true)] out SessionDescription? description,
        out string error)
    {
        if (utf8.Length > MaxLength)
        {
            description = null;
            error = SdpParser.TooLong(utf8.Length, "bytes");
            return false;
        }

        // Invalid UTF-8 turns into U+FFFD rather than an exception; such bytes can only sit in free text.
        return SdpParser.TryParse(Encoding.UTF8.GetString(utf8), out description, out error);
    }

    /// <summary>
    /// The connection that applies to a media description: its own <c>c=</c> line, else the session's
    /// (RFC 8866 §5.7); null when neither exists.
    /// </summary>
    public SdpConnection? GetConnection(MediaDescription media)
    {
        ArgumentNullException.ThrowIfNull(media);
        return media.Connection ?? Connection;
    }

    /// <summary>
    /// The direction that applies to a media description: its own attribute, else the session-level one,
    /// else sendrecv (RFC 3264 §5.1).
    /// </summary>
    public MediaDirection GetDirection(MediaDescription media)
    {
        ArgumentNullException.ThrowIfNull(media);
        return media.Direction ?? Direction ?? MediaDirection.SendRecv;
    }

    /// <summary>The description as UTF-8 bytes, ready to be a SIP message body.</summary>
    public byte[] ToUtf8Bytes() => Encoding.UTF8.GetBytes(ToString());

    /// <summary>The description as SDP text: CRLF line ends, lines in the order of RFC 8866 §5.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(512);
        Append(text, 'v', "0");
        Append(text, 'o', Origin.ToLineValue());
        Append(text, 's', SessionName.Length == 0 ? "-" : SessionName);
        AppendOptional(text, 'i', Information);
        AppendOptional(text, 'u', Uri);
        foreach (var email in Emails)
        {
            Append(text, 'e', email);
        }

        foreach (var phone in Phones)
        {
            Append(text, 'p', phone);
        }

        AppendConnection(text, Connection);
        AppendBandwidths(text, Bandwidths);
        if (Timings.Count == 0)
        {
            Append(text, 't', "0 0");
        }

        foreach (var timing in Timings)
        {
            Append(text, 't', string.Create(CultureInfo.InvariantCulture, $"{timing.StartTime} {timing.StopTime}"));
            foreach (var repeat in timing.Repeats)
            {
                Append(text, 'r', repeat);
            }
        }

        AppendOptional(text, 'z', TimeZones);
        AppendOptional(text, 'k', EncryptionKey);
        AppendUnknownAndAttributes(text, UnknownLines, Attributes);
        foreach (var media in Media)
        {
            AppendMedia(text, media);
        }

        return text.ToString();
    }

    private static void AppendMedia(StringBuilder text, MediaDescription media)
    {
        text.Append("m=").Append(media.Media).Append(' ').Append(media.Port.ToString(CultureInfo.InvariantCulture));
        if (media.PortCount is { } count)
        {
            text.Append('/').Append(count.ToString(CultureInfo.InvariantCulture));
        }

        text.Append(' ').Append(media.Protocol);
        foreach (var format in media.Formats)
        {
            text.Append(' ').Append(format);
        }

        text.Append("\r\n");
        AppendOptional(text, 'i', media.Information);
        AppendConnection(text, media.Connection);
        AppendBandwidths(text, media.Bandwidths);
        AppendOptional(text, 'k', media.EncryptionKey);
        AppendUnknownAndAttributes(text, media.UnknownLines, media.Attributes);
    }

    private static void AppendConnection(StringBuilder text, SdpConnection? connection)
    {
        if (connection is not null)
        {
            Append(text, 'c', $"{connection.NetworkType} {connection.AddressType} {connection.Address}");
        }
    }

    private static void AppendBandwidths(StringBuilder text, IList<SdpBandwidth> bandwidths)
    {
        foreach (var bandwidth in bandwidths)
        {
            Append(text, 'b', string.Create(CultureInfo.InvariantCulture, $"{bandwidth.Type}:{bandwidth.Value}"));
        }
    }

    // Unknown type letters have no place in the grammar; they go last before the attributes, which end every section.
    private static void AppendUnknownAndAttributes(StringBuilder text, IList<SdpLine> unknown, IList<SdpAttribute> attributes)
    {
        foreach (var line in unknown)
        {
            Append(text, line.Type, line.Value);
        }

        foreach (var attribute in attributes)
        {
            Append(text, 'a', attribute.ToLineValue());
        }
    }

    private static void AppendOptional(StringBuilder text, char type, string? value)
    {
        if (value is not null)
        {
            Append(text, type, value);
        }
    }

    private static void Append(StringBuilder text, char type, string value) =>
        text.Append(type).Append('=').Append(value).Append("\r\n");
}
