namespace CallMyWay.Voice.Telephony.Media.Engine;

/// <summary>Audio a session sends, pulled one 20 ms frame per clock tick as 8 kHz 16-bit linear PCM.</summary>
public interface IAudioSource
{
    /// <summary>
    /// Fills the next frame (160 samples) and returns the samples written; fewer are padded with
    /// silence, and 0 means the source has nothing now, so the session sends silence. Called on the
    /// clock's thread: it must not block.
    /// </summary>
    int Read(Span<short> frame);
}
