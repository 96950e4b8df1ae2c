namespace CallMyWay.Voice.Telephony.Ivr.Events;

/// <summary>A try at a step failed; the step asks again unless it was the last try.</summary>
/// <param name="Attempt">Which try failed, from 1.</param>
/// <param name="Digits">What was typed, as far as it was read; empty for no input.</param>
public sealed record InputRejected(string CallId, DateTimeOffset At, string Step, int Attempt, InputProblem Problem, string Digits)
    : IvrEvent(CallId, At);
