using CallMyWay.Voice.Telephony.Media.Codecs;

namespace CallMyWay.Voice.Telephony.Media.Engine;

/// <summary>
/// A source that can hand over frames already encoded, such as cached prompts or a bridged leg's
/// payload, so the session sends them without encoding each frame.
/// </summary>
public interface IEncodedAudioSource : IAudioSource
{
    /// <summary>
    /// Writes the next frame encoded with <paramref name="codec"/> and returns the payload bytes
    /// written; 0 means nothing now (the session sends silence). Replaces <see cref="IAudioSource.Read"/>
    /// for that tick: the session calls one or the other.
    /// </summary>
    int ReadEncoded(IAudioCodec codec, Span<byte> payload);
}
