using CallMyWay.Voice.Telephony.Sip.UserAgent.Outbound;

namespace CallMyWay.Voice.Web.Click2Call;

/// <summary>One dial of a callback and how it ended.</summary>
/// <param name="Number">1 for the first attempt.</param>
/// <param name="At">When it ended (answered, or gave up).</param>
/// <param name="Outcome">Answered, busy, no answer, rejected, failed, cancelled.</param>
/// <param name="StatusCode">The SIP final response that decided it (0 when none).</param>
/// <param name="Detail">The reason phrase or what went wrong.</param>
/// <param name="CallId">The SIP Call-ID of the attempt, to find it in the logs.</param>
public sealed record Click2CallAttempt(int Number, DateTimeOffset At, OutboundCallOutcome Outcome, int StatusCode, string Detail, string? CallId);
