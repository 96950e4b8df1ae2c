namespace CallMyWay.Voice.Telephony.Media.Engine;

/// <summary>One 20 ms beat of the <see cref="MediaClock"/>, handed to every stream.</summary>
/// <param name="Index">
/// The tick's number since the clock started; consecutive unless the clock fell far behind and
/// skipped ticks, so streams derive their RTP timestamps from it rather than counting calls.
/// </param>
/// <param name="Timestamp">When the tick began, from <see cref="TimeProvider.GetTimestamp"/>.</param>
public readonly record struct MediaTick(long Index, long Timestamp);
