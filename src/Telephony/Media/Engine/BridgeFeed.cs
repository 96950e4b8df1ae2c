using CallMyWay.Voice.Telephony.Media.Codecs;

namespace CallMyWay.Voice.Telephony.Media.Engine;

/// <summary>The audio source of one bridged leg: the frames the other leg receives, one per tick.</summary>
internal sealed class BridgeFeed(RtpSession from) : IEncodedAudioSource
{
    public RtpSession From { get; } = from;

    public int Read(Span<short> frame) => From.TakeCapturedFrame(frame);

    public int ReadEncoded(IAudioCodec codec, Span<byte> payload) => From.TakeCapturedFrame(codec, payload);
}
