namespace CallMyWay.Voice.Telephony.Ivr;

/// <summary>The IVR's timing: how long it waits for callers.</summary>
public sealed record IvrOptions
{
    public static IvrOptions Default { get; } = new();

    /// <summary>How long to wait for the first digit of an answer, once the question has been asked.</summary>
    public TimeSpan FirstDigitTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long to wait between digits of a number; when it passes, the number typed so far is the answer.</summary>
    public TimeSpan InterDigitTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Tries per step before the polite fallback (CONTRACT.md: up to 3).</summary>
    public int Attempts { get; init; } = 3;

    /// <summary>The longest a spoken full name may be.</summary>
    public TimeSpan NameRecordingMaxLength { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>A recording shorter than this is a click or a breath, not a name.</summary>
    public TimeSpan ShortestRecording { get; init; } = TimeSpan.FromMilliseconds(500);
}
