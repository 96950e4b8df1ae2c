namespace CallMyWay.Voice.Telephony.Sip.UserAgent.Outbound;

/// <summary>How and when an answered call we placed ended.</summary>
/// <param name="Reason">Which side hung up.</param>
/// <param name="Detail">A few words for the log and the console, e.g. <c>callee hung up</c>.</param>
/// <param name="At">When the call ended.</param>
/// <param name="Duration">How long it was up, from the answer.</param>
public sealed record OutboundCallEnd(OutboundCallEndReason Reason, string Detail, DateTimeOffset At, TimeSpan Duration);
