using CallMyWay.Voice.Telephony.Ivr.Prompts;

namespace CallMyWay.Voice.Telephony.Ivr.Engine;

/// <summary>A spoken answer: recorded after the prompts (which end with the tone) until <c>#</c>, silence or <paramref name="MaxLength"/>.</summary>
internal sealed record RecordingInput(TimeSpan MaxLength) : IvrInput
{
    public override async ValueTask<InputAttempt> AttemptAsync(IvrSession session, IReadOnlyList<PromptRef> prompts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var channel = session.Channel;

        // The instructions play to the end and earlier keys are dropped: a '#' typed during them would end the
        // recording before the caller says a word.
        await channel.PlayAsync(prompts, bargeIn: false, cancellationToken).ConfigureAwait(false);
        channel.ClearDigits();
        var recording = await channel.RecordAsync(MaxLength, cancellationToken).ConfigureAwait(false);
        return recording is not null && recording.Duration >= session.Options.ShortestRecording
            ? InputAttempt.Answered(new IvrAnswer(string.Empty, recording))
            : InputAttempt.NoInput();
    }
}
