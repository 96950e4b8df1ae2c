namespace CallMyWay.Voice.Telephony.Ivr.Events;

/// <summary>A step recorded what the caller said.</summary>
public sealed record RecordingCollected(string CallId, DateTimeOffset At, string Step, string FilePath, TimeSpan Duration)
    : IvrEvent(CallId, At);
