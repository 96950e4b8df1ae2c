namespace CallMyWay.Voice.Telephony.Media.Codecs;

/// <summary>The table-driven sample loops that PCMU and PCMA share.</summary>
internal static class G711
{
    public static int Encode(byte[] table, ReadOnlySpan<short> pcm, Span<byte> payload)
    {
        if (payload.Length < pcm.Length)
        {
            throw new ArgumentException("G.711 writes one byte per sample.", nameof(payload));
        }

        for (int i = 0; i < pcm.Length; i++)
        {
            payload[i] = table[(ushort)pcm[i]];
        }

        return pcm.Length;
    }

    public static int Decode(short[] table, ReadOnlySpan<byte> payload, Span<short> pcm)
    {
        if (pcm.Length < payload.Length)
        {
            throw new ArgumentException("G.711 yields one sample per byte.", nameof(pcm));
        }

        for (int i = 0; i < payload.Length; i++)
        {
            pcm[i] = table[payload[i]];
        }

        return payload.Length;
    }

    // NAudio negates negative samples in 16 bits, so -32768 stays negative and encodes as near
    // silence instead of full scale; one step up gives the code the full-scale sample belongs to.
    public static short ClampForNAudio(short sample) => sample == short.MinValue ? (short)(short.MinValue + 1) : sample;
}
