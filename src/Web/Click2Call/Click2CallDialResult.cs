using CallMyWay.Voice.Telephony.Sip.UserAgent.Outbound;

namespace CallMyWay.Voice.Web.Click2Call;

/// <summary>How a callback attempt ended; when answered, <see cref="Conversation"/> completes as the call ends.</summary>
public sealed record Click2CallDialResult(OutboundCallOutcome Outcome, int StatusCode, string Detail, string? CallId)
{
    public Task Conversation { get; init; } = Task.CompletedTask;

    public static Click2CallDialResult Answered(string callId, Task conversation) => new(OutboundCallOutcome.Answered, 200, "OK", callId) { Conversation = conversation };
}
