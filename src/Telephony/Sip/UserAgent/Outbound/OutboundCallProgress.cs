using CallMyWay.Voice.Telephony.Media.Engine;

namespace CallMyWay.Voice.Telephony.Sip.UserAgent.Outbound;

/// <summary>A provisional response to a call we placed: the callee is ringing, or the network reports progress.</summary>
/// <param name="CallId">The Call-ID of the call.</param>
/// <param name="StatusCode">180, 181, 182 or 183.</param>
/// <param name="ReasonPhrase">The reason phrase as the peer wrote it.</param>
/// <param name="EarlyMedia">The call's media once a provisional response carried SDP (early media: ringback, carrier announcements), already playing; else null.</param>
public sealed record OutboundCallProgress(string CallId, int StatusCode, string ReasonPhrase, RtpSession? EarlyMedia);
