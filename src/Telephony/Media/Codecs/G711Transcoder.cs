namespace CallMyWay.Voice.Telephony.Media.Codecs;

/// <summary>
/// Converts G.711 payloads between μ-law and A-law byte for byte, for bridging two legs that
/// negotiated different laws without going through linear PCM per sample.
/// </summary>
public static class G711Transcoder
{
    // Each entry is what decoding with one law and encoding with the other gives, so transcoding
    // equals decode + encode exactly.
    private static readonly byte[] MuLawToALaw = BuildTable(PcmuCodec.DecodeSample, PcmaCodec.EncodeSample);
    private static readonly byte[] ALawToMuLaw = BuildTable(PcmaCodec.DecodeSample, PcmuCodec.EncodeSample);

    /// <summary>Converts a PCMU payload into PCMA; returns the bytes written.</summary>
    public static int PcmuToPcma(ReadOnlySpan<byte> pcmu, Span<byte> pcma) => Map(MuLawToALaw, pcmu, pcma);

    /// <summary>Converts a PCMA payload into PCMU; returns the bytes written.</summary>
    public static int PcmaToPcmu(ReadOnlySpan<byte> pcma, Span<byte> pcmu) => Map(ALawToMuLaw, pcma, pcmu);

    private static int Map(byte[] table, ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (destination.Length < source.Length)
        {
            throw new ArgumentException("Transcoding G.711 keeps one byte per sample.", nameof(destination));
        }

        for (int i = 0; i < source.Length; i++)
        {
            destination[i] = table[source[i]];
        }

        return source.Length;
    }

    private static byte[] BuildTable(Func<byte, short> decode, Func<short, byte> encode)
    {
        var table = new byte[256];
        for (int i = 0; i < table.Length; i++)
        {
            table[i] = encode(decode((byte)i));
        }

        return table;
    }
}
