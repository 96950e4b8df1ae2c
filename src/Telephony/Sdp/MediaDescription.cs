using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CallMyWay.Voice.Telephony.Sdp;

/// <summary>
/// One media description: an <c>m=</c> line with the <c>i=</c>, <c>c=</c>, <c>b=</c>, <c>k=</c> and <c>a=</c>
/// lines that follow it (RFC 8866 §5.14), with typed access to the attributes RTP audio needs.
/// </summary>
public sealed class MediaDescription
{
    /// <summary>The RTP audio/video profile, the only transport this stack speaks (RFC 3551).</summary>
    public const string RtpAvpProtocol = "RTP/AVP";

    /// <summary>Creates an <c>m=</c> line with no formats yet.</summary>
    public MediaDescription(string media, int port, string protocol)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(media);
        ArgumentException.ThrowIfNullOrWhiteSpace(protocol);
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, ushort.MaxValue);
        Media = media;
        Port = port;
        Protocol = protocol;
    }

    /// <summary>The media type: <c>audio</c>, <c>video</c>, <c>text</c>, <c>application</c>, <c>image</c> or another token.</summary>
    public string Media { get; set; }

    /// <summary>The transport port; 0 means the stream is rejected or disabled (RFC 3264 §6, §8.2).</summary>
    public int Port { get; set; }

    /// <summary>The <c>/number of ports</c> after the port, or null when absent.</summary>
    public int? PortCount { get; set; }

    /// <summary>The transport protocol, e.g. <c>RTP/AVP</c>.</summary>
    public string Protocol { get; set; }

    /// <summary>The media formats of the <c>m=</c> line as written; RTP payload type numbers for RTP profiles.</summary>
    public IList<string> Formats { get; } = [];

    /// <summary>The <c>i=</c> media title.</summary>
    public string? Information { get; set; }

    /// <summary>The media-level <c>c=</c> line; when present it overrides the session's (RFC 8866 §5.7).</summary>
    public SdpConnection? Connection { get; set; }

    /// <summary>The <c>b=</c> lines.</summary>
    public IList<SdpBandwidth> Bandwidths { get; } = [];

    /// <summary>The obsolete <c>k=</c> line, kept as written.</summary>
    public string? EncryptionKey { get; set; }

    /// <summary>The <c>a=</c> lines in their order, unknown ones included.</summary>
    public IList<SdpAttribute> Attributes { get; } = [];

    /// <summary>Lines with a type letter this parser does not interpret, kept for the round trip.</summary>
    public IList<SdpLine> UnknownLines { get; } = [];

    /// <summary>True when the port is 0: the stream is rejected (in an answer) or disabled (in an offer).</summary>
    public bool IsRejected => Port == 0;

    /// <summary>True for <c>m=audio</c>.</summary>
    public bool IsAudio => Media.Equals("audio", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for the plain RTP/AVP profile.</summary>
    public bool IsRtpAvp => Protocol.Equals(RtpAvpProtocol, StringComparison.OrdinalIgnoreCase);

    /// <summary>The media-level direction attribute, or null when the stream carries none.</summary>
    public MediaDirection? Direction
    {
        get => Attributes.GetDirection();
        set => Attributes.SetDirection(value);
    }

    /// <summary><c>a=ptime</c>: the packet duration in milliseconds the writer wants to receive (RFC 8866 §6.4).</summary>
    public int? PacketTime
    {
        get => Attributes.GetInt("ptime");
        set => Attributes.SetInt("ptime", value);
    }

    /// <summary><c>a=maxptime</c>: the longest packet duration in milliseconds the writer can receive (RFC 8866 §6.5).</summary>
    public int? MaxPacketTime
    {
        get => Attributes.GetInt("maxptime");
        set => Attributes.SetInt("maxptime", value);
    }

    /// <summary><c>a=rtcp</c> (RFC 3605), or null when absent or malformed.</summary>
    public RtcpAttribute? Rtcp
    {
        get => RtcpAttribute.TryParse(Attributes.Find(RtcpAttribute.Name)?.Value, out var rtcp) ? rtcp : null;
        set
        {
            if (value is null)
            {
                Attributes.Remove(RtcpAttribute.Name);
            }
            else
            {
                Attributes.Set(RtcpAttribute.Name, value.ToAttributeValue());
            }
        }
    }

    /// <summary><c>a=rtcp-mux</c>: RTP and RTCP share one port (RFC 5761 §5.1.1).</summary>
    public bool RtcpMux
    {
        get => Attributes.Find("rtcp-mux") is not null;
        set => Attributes.SetFlag("rtcp-mux", value);
    }

    /// <summary>The value of the first attribute with that name (compared without regard to case), or null.</summary>
    public string? GetAttributeValue(string name) => Attributes.Find(name)?.Value;

    /// <summary>True when an attribute with that name is present.</summary>
    public bool HasAttribute(string name) => Attributes.Find(name) is not null;

    /// <summary>
    /// What a payload type of this stream means: its <c>a=rtpmap</c> (which wins, RFC 8866 §6.6) or else the static
    /// table, with its <c>a=fmtp</c> parameters. False for dynamic types without rtpmap and for non-RTP formats.
    /// </summary>
    public bool TryGetPayloadFormat(int payloadType, [NotNullWhen(true)] out RtpPayloadFormat? format)
    {
        format = null;
        string? parameters = null;
        foreach (var attribute in Attributes)
        {
            if (attribute.Value is null || !StartsWithPayloadType(attribute.Value, payloadType))
            {
                continue;
            }

            if (format is null
                && attribute.Name.Equals("rtpmap", StringComparison.OrdinalIgnoreCase)
                && RtpPayloadFormat.TryParseRtpMap(attribute.Value, out var mapped))
            {
                format = mapped;
            }
            else if (parameters is null && attribute.Name.Equals("fmtp", StringComparison.OrdinalIgnoreCase))
            {
                parameters = attribute.Value[(attribute.Value.IndexOf(' ', StringComparison.Ordinal) + 1)..].Trim();
            }
        }

        if (format is null && !RtpPayloadFormat.TryGetStatic(payloadType, out format))
        {
            return false;
        }

        format = format with { Parameters = parameters };
        return true;
    }

    /// <summary>The formats of the <c>m=</c> line that resolve to a known payload format, in the line's order.</summary>
    public IReadOnlyList<RtpPayloadFormat> GetPayloadFormats()
    {
        var formats = new List<RtpPayloadFormat>(Formats.Count);
        foreach (var token in Formats)
        {
            if (RtpPayloadFormat.TryParsePayloadType(token, out var payloadType)
                && TryGetPayloadFormat(payloadType, out var format))
            {
                formats.Add(format);
            }
        }

        return formats;
    }

    /// <summary>Adds the payload type to the <c>m=</c> line with its <c>a=rtpmap</c> and, when it has parameters, <c>a=fmtp</c>.</summary>
    public void AddPayloadFormat(RtpPayloadFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        var payloadType = format.PayloadType.ToString(CultureInfo.InvariantCulture);
        Formats.Add(payloadType);

        // Written for static types too: RFC 8866 §6.6 allows it and many peers look only at rtpmap lines.
        Attributes.Add(new SdpAttribute("rtpmap", format.RtpMapValue));
        if (!string.IsNullOrEmpty(format.Parameters))
        {
            Attributes.Add(new SdpAttribute("fmtp", payloadType + " " + format.Parameters));
        }
    }

    private static bool StartsWithPayloadType(string value, int payloadType)
    {
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        return space > 0
            && RtpPayloadFormat.TryParsePayloadType(value.AsSpan(0, space), out var number)
            && number == payloadType;
    }
}
