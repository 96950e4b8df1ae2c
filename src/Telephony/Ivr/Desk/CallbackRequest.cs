namespace CallMyWay.Voice.Telephony.Ivr.Desk;

/// <summary>The caller accepted a call back to their number.</summary>
/// <param name="ScheduledFor">When to call: the next opening, or now for "as soon as an agent is free".</param>
public sealed record CallbackRequest(IvrCaller Caller, DateTimeOffset ScheduledFor, CallbackReason Reason);
