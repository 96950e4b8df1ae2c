namespace CallMyWay.Voice.Telephony.Ivr;

/// <summary>What the IVR hands back to the call when it is done with it.</summary>
/// <param name="Outcome">How the call left the IVR; <see cref="IvrOutcome.ToAgentQueue"/> means the call must be queued.</param>
/// <param name="Language">The caller's language at the end (<c>es</c> or <c>en</c>): the queue should offer the call to agents who speak it.</param>
/// <param name="CaseNumber">The last case opened or looked up during the call, for the agent's screen; null when none.</param>
public sealed record IvrResult(IvrOutcome Outcome, string Language, long? CaseNumber);
