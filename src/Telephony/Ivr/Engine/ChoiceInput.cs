using CallMyWay.Voice.Telephony.Ivr.Prompts;

namespace CallMyWay.Voice.Telephony.Ivr.Engine;

/// <summary>A single-choice step: one digit from <paramref name="Allowed"/> (CONTRACT.md: single-choice steps take one digit).</summary>
internal sealed record ChoiceInput(string Allowed) : IvrInput
{
    public override async ValueTask<InputAttempt> AttemptAsync(IvrSession session, IReadOnlyList<PromptRef> prompts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        await session.Channel.PlayAsync(prompts, bargeIn: true, cancellationToken).ConfigureAwait(false);
        var digit = await session.Channel.ReadDigitAsync(session.Options.FirstDigitTimeout, cancellationToken).ConfigureAwait(false);
        if (digit is not { } chosen)
        {
            return InputAttempt.NoInput();
        }

        return Allowed.Contains(chosen, StringComparison.Ordinal)
            ? InputAttempt.Answered(new IvrAnswer(chosen.ToString()))
            : InputAttempt.Invalid(chosen.ToString());
    }
}
