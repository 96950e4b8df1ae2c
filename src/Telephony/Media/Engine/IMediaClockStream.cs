namespace CallMyWay.Voice.Telephony.Media.Engine;

/// <summary>A stream paced by the shared <see cref="MediaClock"/>: it sends its next frame on each tick.</summary>
public interface IMediaClockStream
{
    /// <summary>
    /// Called on the clock's thread once per tick, one stream after another; it must not block, since
    /// every other call's audio waits behind it.
    /// </summary>
    void OnTick(MediaTick tick);
}
