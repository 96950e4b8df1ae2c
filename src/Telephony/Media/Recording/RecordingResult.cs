namespace CallMyWay.Voice.Telephony.Media.Recording;

/// <summary>What a finished recording holds and why it stopped.</summary>
/// <param name="Reason">Why it stopped.</param>
/// <param name="Duration">The audio written to the file.</param>
/// <param name="Path">The WAV file, or null when recording to a stream.</param>
/// <param name="StopDigit">The key that ended it, when <paramref name="Reason"/> is <see cref="RecordingStopReason.Digit"/>.</param>
/// <param name="HeardSound">Whether any frame rose above the silence threshold, i.e. the caller said something.</param>
public sealed record RecordingResult(
    RecordingStopReason Reason,
    TimeSpan Duration,
    string? Path,
    char? StopDigit,
    bool HeardSound);
