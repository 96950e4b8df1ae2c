using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CallMyWay.Voice.Telephony.Sdp;

/// <summary>The <c>a=rtcp</c> attribute: where RTCP goes when not on the RTP port plus one (RFC 3605 §2.1).</summary>
/// <param name="Port">The RTCP port.</param>
/// <param name="Connection">The RTCP address when it differs from the stream's <c>c=</c>; null otherwise.</param>
public sealed record RtcpAttribute(int Port, SdpConnection? Connection = null)
{
    /// <summary>The attribute name, <c>rtcp</c>.</summary>
    public const string Name = "rtcp";

    /// <summary>Reads <c>port [nettype addrtype address]</c>.</summary>
    public static bool TryParse(string? value, [NotNullWhen(true)] out RtcpAttribute? attribute)
    {
        attribute = null;
        if (value is null)
        {
            return false;
        }

        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is not (1 or 4)
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            || port > ushort.MaxValue)
        {
            return false;
        }

        attribute = new RtcpAttribute(port, parts.Length == 4 ? new SdpConnection(parts[1], parts[2], parts[3]) : null);
        return true;
    }

    internal string ToAttributeValue() => Connection is null
        ? Port.ToString(CultureInfo.InvariantCulture)
        : string.Create(
            CultureInfo.InvariantCulture,
            $"{Port} {Connection.NetworkType} {Connection.AddressType} {Connection.Address}");
}
