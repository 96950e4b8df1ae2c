using NAudio.Codecs;

namespace CallMyWay.Voice.Telephony.Media.Codecs;

/// <summary>G.711 A-law (RTP payload type 8, RFC 3551 §4.5.14) on lookup tables built from NAudio.</summary>
public sealed class PcmaCodec : IAudioCodec
{
    /// <summary>The static payload type of PCMA.</summary>
    public const byte StaticPayloadType = 8;

    // One entry per 16-bit sample: encoding becomes a single indexed load per sample.
    private static readonly byte[] EncodeTable = BuildEncodeTable();
    private static readonly short[] DecodeTable = BuildDecodeTable();

    private PcmaCodec()
    {
    }

    /// <summary>The codec; it holds no state, so one instance serves every stream.</summary>
    public static PcmaCodec Instance { get; } = new();

    public byte PayloadType => StaticPayloadType;

    public string Name => "PCMA";

    public int ClockRate => 8000;

    /// <summary>Encodes one sample.</summary>
    public static byte EncodeSample(short sample) => EncodeTable[(ushort)sample];

    /// <summary>Decodes one sample.</summary>
    public static short DecodeSample(byte encoded) => DecodeTable[encoded];

    public int Encode(ReadOnlySpan<short> pcm, Span<byte> payload) => G711.Encode(EncodeTable, pcm, payload);

    public int Decode(ReadOnlySpan<byte> payload, Span<short> pcm) => G711.Decode(DecodeTable, payload, pcm);

    private static byte[] BuildEncodeTable()
    {
        var table = new byte[1 << 16];
        for (int i = 0; i < table.Length; i++)
        {
            table[i] = ALawEncoder.LinearToALawSample(G711.ClampForNAudio((short)i));
        }

        return table;
    }

    private static short[] BuildDecodeTable()
    {
        var table = new short[256];
        for (int i = 0; i < table.Length; i++)
        {
            table[i] = ALawDecoder.ALawToLinearSample((byte)i);
        }

        return table;
    }
}
