namespace CallMyWay.Voice.Telephony.Ivr;

/// <summary>Something the caller said, kept as a file (e.g. the full name of an activation's user).</summary>
/// <param name="FilePath">Where the media layer wrote the audio.</param>
/// <param name="Duration">How long the caller spoke.</param>
public sealed record IvrRecording(string FilePath, TimeSpan Duration);
