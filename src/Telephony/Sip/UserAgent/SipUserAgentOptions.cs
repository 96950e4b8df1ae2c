namespace CallMyWay.Voice.Telephony.Sip.UserAgent;

/// <summary>How the desk's user agent behaves towards callers (section <c>Sip</c>, beside the transport's keys).</summary>
public sealed class SipUserAgentOptions
{
    public const string SectionName = "Sip";

    /// <summary>How long a call rings (180) before the desk answers; a caller may hang up (CANCEL) meanwhile.</summary>
    public TimeSpan RingTime { get; set; } = TimeSpan.FromMilliseconds(800);

    /// <summary>Where callers' recordings (spoken names) are kept.</summary>
    public string RecordingFolder { get; set; } = "data/recordings";

    /// <summary>The product name in Server and User-Agent headers.</summary>
    public string ProductName { get; set; } = "CallMyWay-Voice";
}
