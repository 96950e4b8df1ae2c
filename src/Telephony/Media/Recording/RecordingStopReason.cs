namespace CallMyWay.Voice.Telephony.Media.Recording;

/// <summary>Why a <see cref="CallRecorder"/> stopped.</summary>
public enum RecordingStopReason
{
    /// <summary>The recording reached <see cref="CallRecorderOptions.MaxDuration"/>.</summary>
    MaxDuration,

    /// <summary>The caller pressed one of <see cref="CallRecorderOptions.StopDigits"/>.</summary>
    Digit,

    /// <summary>The caller was silent for <see cref="CallRecorderOptions.SilenceTimeout"/>.</summary>
    Silence,

    /// <summary>The application stopped it, or started another recording on the call.</summary>
    Stopped,

    /// <summary>The call ended.</summary>
    Hangup,
}
