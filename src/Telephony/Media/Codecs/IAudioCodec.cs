namespace CallMyWay.Voice.Telephony.Media.Codecs;

/// <summary>An audio codec that turns 16-bit linear PCM into an RTP payload and back.</summary>
public interface IAudioCodec
{
    /// <summary>The RTP payload type, static for G.711 (RFC 3551 §6).</summary>
    byte PayloadType { get; }

    /// <summary>The encoding name as SDP's a=rtpmap spells it, e.g. "PCMU".</summary>
    string Name { get; }

    /// <summary>Samples per second of the RTP clock.</summary>
    int ClockRate { get; }

    /// <summary>Encodes <paramref name="pcm"/> into <paramref name="payload"/>; returns the bytes written.</summary>
    int Encode(ReadOnlySpan<short> pcm, Span<byte> payload);

    /// <summary>Decodes <paramref name="payload"/> into <paramref name="pcm"/>; returns the samples written.</summary>
    int Decode(ReadOnlySpan<byte> payload, Span<short> pcm);
}
