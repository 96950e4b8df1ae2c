namespace CallMyWay.Voice.Telephony.Sdp;

/// <summary>A <c>t=</c> line with its <c>r=</c> repeat lines (RFC 8866 §5.9); SIP calls use <c>t=0 0</c>.</summary>
/// <param name="StartTime">NTP start time in seconds, 0 for a session that is not bounded.</param>
/// <param name="StopTime">NTP stop time in seconds, 0 for a session that is not bounded.</param>
public sealed record SdpTiming(ulong StartTime, ulong StopTime)
{
    /// <summary>The <c>r=</c> lines that follow this <c>t=</c> line, kept as written.</summary>
    public IList<string> Repeats { get; } = [];
}
