namespace CallMyWay.Voice.Telephony.Media.Engine;

/// <summary>Per-call settings of an <see cref="RtpSession"/>; the engine fills them from <see cref="MediaOptions"/>.</summary>
public sealed record RtpSessionOptions
{
    /// <summary>Whether to look for DTMF tones in the received audio.</summary>
    public bool DetectInbandDtmf { get; init; } = true;

    /// <summary>How long a key sent with <see cref="RtpSession.SendDigit"/> sounds.</summary>
    public TimeSpan DigitDuration { get; init; } = TimeSpan.FromMilliseconds(160);

    /// <summary>The mean interval between RTCP reports (RFC 3550 §6.2); each is randomised ±50 %.</summary>
    public TimeSpan RtcpInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long the peer's stream must have been quiet before audio with a new SSRC from the same
    /// address replaces it (a peer restarting its stream); until then such packets are dropped.
    /// </summary>
    public TimeSpan SsrcChangeAfterSilence { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A key reported by one path (RFC 4733, in-band, SIP INFO) is dropped when the same key came by
    /// another path this recently: phones that send both would otherwise press every key twice.
    /// </summary>
    public TimeSpan DuplicateDigitWindow { get; init; } = TimeSpan.FromMilliseconds(300);
}
