namespace CallMyWay.Voice.Telephony.Ivr.Events;

/// <summary>A step got a valid answer: one digit for a choice, the number typed (without <c>#</c>) for a number step, empty for <c>#</c> alone.</summary>
public sealed record DigitsCollected(string CallId, DateTimeOffset At, string Step, string Digits) : IvrEvent(CallId, At);
