namespace CallMyWay.Voice.Telephony.Media.Recording;

/// <summary>When a <see cref="CallRecorder"/> stops on its own.</summary>
public sealed record CallRecorderOptions
{
    /// <summary>The longest recording; it stops when this much audio is written.</summary>
    public TimeSpan MaxDuration { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Keys that end the recording; the key is not recorded and not passed on to the call's digit
    /// stream (it answers the recording's "press # when done"). Empty for none.
    /// </summary>
    public string StopDigits { get; init; } = "#";

    /// <summary>Continuous silence that ends the recording, or null to record through silence.</summary>
    public TimeSpan? SilenceTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The RMS level of a 20 ms frame (16-bit scale) at or below which it counts as silence. 400 is
    /// about -38 dBFS: above a phone line's noise floor, below quiet speech.
    /// </summary>
    public double SilenceThreshold { get; init; } = 400;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(MaxDuration, TimeSpan.Zero, nameof(MaxDuration));
        ArgumentNullException.ThrowIfNull(StopDigits, nameof(StopDigits));
        if (SilenceTimeout is { } timeout)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero, nameof(SilenceTimeout));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(SilenceThreshold, nameof(SilenceThreshold));
    }
}
