using System.Diagnostics.CodeAnalysis;

namespace CallMyWay.Voice.Telephony.Sdp;

/// <summary>The static RTP payload types of RFC 3551 §6 (tables 4 and 5) and RFC 3389 (CN).</summary>
internal static class StaticPayloadTypes
{
    private static readonly RtpPayloadFormat?[] Table = Build();

    public static bool TryGet(int payloadType, [NotNullWhen(true)] out RtpPayloadFormat? format)
    {
        format = (uint)payloadType < (uint)Table.Length ? Table[payloadType] : null;
        return format is not null;
    }

    private static RtpPayloadFormat?[] Build()
    {
        var table = new RtpPayloadFormat?[35];
        Add(RtpPayloadFormat.Pcmu);
        Add(new(3, "GSM", 8000));
        Add(new(4, "G723", 8000));
        Add(new(5, "DVI4", 8000));
        Add(new(6, "DVI4", 16000));
        Add(new(7, "LPC", 8000));
        Add(RtpPayloadFormat.Pcma);
        Add(RtpPayloadFormat.G722);
        Add(new(10, "L16", 44100, 2));
        Add(new(11, "L16", 44100));
        Add(new(12, "QCELP", 8000));
        Add(new(13, "CN", 8000));
        Add(new(14, "MPA", 90000));
        Add(new(15, "G728", 8000));
        Add(new(16, "DVI4", 11025));
        Add(new(17, "DVI4", 22050));
        Add(RtpPayloadFormat.G729);
        Add(new(25, "CelB", 90000));
        Add(new(26, "JPEG", 90000));
        Add(new(28, "nv", 90000));
        Add(new(31, "H261", 90000));
        Add(new(32, "MPV", 90000));
        Add(new(33, "MP2T", 90000));
        Add(new(34, "H263", 90000));
        return table;

        void Add(RtpPayloadFormat format) => table[format.PayloadType] = format;
    }
}
