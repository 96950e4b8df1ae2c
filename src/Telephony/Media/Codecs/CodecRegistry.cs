using System.Diagnostics.CodeAnalysis;

namespace CallMyWay.Voice.Telephony.Media.Codecs;

/// <summary>The audio codecs a media stream can use, found by RTP payload type or SDP encoding name.</summary>
public sealed class CodecRegistry
{
    private const int PayloadTypeCount = 128;

    private readonly IAudioCodec?[] _byPayloadType = new IAudioCodec?[PayloadTypeCount];
    private readonly IAudioCodec[] _codecs;

    /// <param name="codecs">The codecs in order of preference; payload types must be distinct.</param>
    public CodecRegistry(IEnumerable<IAudioCodec> codecs)
    {
        ArgumentNullException.ThrowIfNull(codecs);
        _codecs = [.. codecs];
        foreach (IAudioCodec codec in _codecs)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(codec.PayloadType, PayloadTypeCount);
            if (_byPayloadType[codec.PayloadType] is not null)
            {
                throw new ArgumentException($"Payload type {codec.PayloadType} is registered twice.", nameof(codecs));
            }

            _byPayloadType[codec.PayloadType] = codec;
        }
    }

    /// <summary>PCMU then PCMA, the two laws of G.711.</summary>
    public static CodecRegistry Default { get; } = new([PcmuCodec.Instance, PcmaCodec.Instance]);

    /// <summary>The codecs in order of preference.</summary>
    public IReadOnlyList<IAudioCodec> Codecs => _codecs;

    /// <summary>Finds the codec for an RTP payload type.</summary>
    public bool TryGetByPayloadType(int payloadType, [NotNullWhen(true)] out IAudioCodec? codec)
    {
        codec = (uint)payloadType < PayloadTypeCount ? _byPayloadType[payloadType] : null;
        return codec is not null;
    }

    /// <summary>Finds a codec by encoding name, ignoring case as SDP does (RFC 4855 §3).</summary>
    public bool TryGetByName(ReadOnlySpan<char> name, [NotNullWhen(true)] out IAudioCodec? codec)
    {
        foreach (IAudioCodec candidate in _codecs)
        {
            if (name.Equals(candidate.Name, StringComparison.OrdinalIgnoreCase))
            {
                codec = candidate;
                return true;
            }
        }

        codec = null;
        return false;
    }
}
