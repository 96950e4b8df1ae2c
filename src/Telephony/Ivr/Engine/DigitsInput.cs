using System.Text;
using CallMyWay.Voice.Telephony.Ivr.Prompts;

namespace CallMyWay.Voice.Telephony.Ivr.Engine;

/// <summary>
/// A number step: digits ended by <c>#</c> (CONTRACT.md), or by a pause longer than the inter-digit timeout, between
/// <paramref name="MinLength"/> and <paramref name="MaxLength"/> digits long.
/// </summary>
internal sealed record DigitsInput(int MinLength, int MaxLength) : IvrInput
{
    /// <summary>A key stuck down or a flood of SIP INFO must not keep a step reading forever.</summary>
    private const int DrainLimit = 64;

    /// <summary>Whether <c>#</c> alone is an answer (the empty number), e.g. "now" for an incident's time.</summary>
    public bool AllowEmpty { get; init; }

    /// <summary>A further judgement of a number of the right length (a date, a case that must exist).</summary>
    public DigitsCheck? Check { get; init; }

    public override async ValueTask<InputAttempt> AttemptAsync(IvrSession session, IReadOnlyList<PromptRef> prompts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var channel = session.Channel;
        await channel.PlayAsync(prompts, bargeIn: true, cancellationToken).ConfigureAwait(false);
        var next = await channel.ReadDigitAsync(session.Options.FirstDigitTimeout, cancellationToken).ConfigureAwait(false);
        if (next is null)
        {
            return InputAttempt.NoInput();
        }

        var typed = new StringBuilder(MaxLength + 1);
        var wellFormed = true;
        while (next is { } digit && digit != '#' && typed.Length < MaxLength + DrainLimit)
        {
            // A wrong key or one digit too many spoils the entry, but the caller is still typing it: the rest of it,
            // up to '#' or a pause, is read and dropped so that it cannot answer the question asked again. At the
            // maximum length the caller still gets to press '#', which would otherwise answer the next step alone.
            typed.Append(digit);
            wellFormed &= char.IsAsciiDigit(digit) && typed.Length <= MaxLength;
            next = await channel.ReadDigitAsync(session.Options.InterDigitTimeout, cancellationToken).ConfigureAwait(false);
        }

        if (!wellFormed)
        {
            return InputAttempt.Invalid(typed.ToString());
        }

        var number = typed.ToString();
        if (number.Length == 0 ? !AllowEmpty : number.Length < MinLength)
        {
            return InputAttempt.Invalid(number.Length == 0 ? "#" : number);
        }

        if (Check is not null && await Check(number, cancellationToken).ConfigureAwait(false) is { } complaint)
        {
            return InputAttempt.Invalid(number, complaint);
        }

        return InputAttempt.Answered(new IvrAnswer(number));
    }
}
