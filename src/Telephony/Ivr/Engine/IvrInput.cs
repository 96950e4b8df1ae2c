using CallMyWay.Voice.Telephony.Ivr.Prompts;

namespace CallMyWay.Voice.Telephony.Ivr.Engine;

/// <summary>What kind of answer a step takes, and how one try at it is played and collected.</summary>
internal abstract record IvrInput
{
    /// <summary>Asks with <paramref name="prompts"/> and collects one answer; the caller of this retries.</summary>
    public abstract ValueTask<InputAttempt> AttemptAsync(IvrSession session, IReadOnlyList<PromptRef> prompts, CancellationToken cancellationToken);
}
