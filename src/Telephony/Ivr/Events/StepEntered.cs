namespace CallMyWay.Voice.Telephony.Ivr.Events;

/// <summary>The IVR asked a question (the <c>step</c> of <c>callUpdated</c>), e.g. <c>incident.extension</c>.</summary>
public sealed record StepEntered(string CallId, DateTimeOffset At, string Step) : IvrEvent(CallId, At);
