namespace CallMyWay.Voice.Web.Email.Inbound;

/// <summary>The intake's answer for one message.</summary>
/// <param name="Answered">Whether an automatic reply was queued (not when the sender is over the rate limit).</param>
public sealed record IntakeResult(IntakeOutcome Outcome, long? CaseNumber, bool Answered);
