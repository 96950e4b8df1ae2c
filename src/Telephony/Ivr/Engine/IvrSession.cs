using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Telephony.Ivr.Desk;
using CallMyWay.Voice.Telephony.Ivr.Events;
using CallMyWay.Voice.Telephony.Ivr.Prompts;

namespace CallMyWay.Voice.Telephony.Ivr.Engine;

/// <summary>One call in the IVR: its channel, the language it speaks now, what it has achieved, and the step engine.</summary>
internal sealed class IvrSession(IIvrChannel channel, CaseChannel caseChannel, IIvrEventSink events, TimeProvider time, IvrOptions options)
{
    public IIvrChannel Channel => channel;

    public IvrOptions Options => options;

    public string CallId => channel.CallId;

    public string Language { get; private set; } = IvrLanguage.For(channel.Did.Language);

    /// <summary>Whether the welcome has been played; menus replayed later in the call skip it.</summary>
    public bool Greeted { get; set; }

    /// <summary>The last case opened or looked up, for the agent who may take the call.</summary>
    public long? CaseNumber { get; private set; }

    public IvrCaller Caller => new(channel.CallerNumber, channel.Did, Language, caseChannel);

    public DateTimeOffset Now => time.GetUtcNow();

    public PromptRef Prompt(string key) => new(key, Language);

    public IReadOnlyList<PromptRef> Prompts(params ReadOnlySpan<string> keys)
    {
        var prompts = new PromptRef[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            prompts[i] = Prompt(keys[i]);
        }

        return prompts;
    }

    /// <summary>"Para español, marque 9" in a call in English, "For English, press 9" in one in Spanish: each in its own voice.</summary>
    public PromptRef OtherLanguageOffer() => new(PromptKeys.LanguageOffer, IvrLanguage.Other(Language));

    public ValueTask PlayAsync(IReadOnlyList<PromptRef> prompts, bool bargeIn, CancellationToken cancellationToken) =>
        channel.PlayAsync(prompts, bargeIn, cancellationToken);

    public void Emit(IvrEvent ivrEvent) => events.Publish(ivrEvent);

    public void SwitchLanguage()
    {
        var from = Language;
        Language = IvrLanguage.Other(from);
        Emit(new LanguageChanged(CallId, Now, from, Language));
    }

    public void OnCaseOpened(long number, CaseKind kind)
    {
        CaseNumber = number;
        Emit(new CaseOpened(CallId, Now, number, kind));
    }

    public void OnCaseLookedUp(long number)
    {
        CaseNumber = number;
        Emit(new CaseLookedUp(CallId, Now, number));
    }

    /// <summary>
    /// Asks a step up to <see cref="IvrOptions.Attempts"/> times, each retry opening with what was wrong ("no input",
    /// "invalid option" or the step's own complaint); null when every try failed (the flow then falls back).
    /// </summary>
    public async Task<IvrAnswer?> AskAsync(IvrStep step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        Emit(new StepEntered(CallId, Now, step.Name));
        var prompts = step.Prompts;
        for (var attempt = 1; attempt <= options.Attempts; attempt++)
        {
            var result = await step.Input.AttemptAsync(this, prompts, cancellationToken).ConfigureAwait(false);
            if (result.Answer is { } answer)
            {
                Emit(answer.Recording is { } recording
                    ? new RecordingCollected(CallId, Now, step.Name, recording.FilePath, recording.Duration)
                    : new DigitsCollected(CallId, Now, step.Name, answer.Digits));
                return answer;
            }

            Emit(new InputRejected(CallId, Now, step.Name, attempt, result.Problem, result.Typed));

            // Whatever follows a rejected entry belongs to it, not to the question asked again.
            channel.ClearDigits();
            prompts = [Prompt(result.Complaint), .. step.Prompts];
        }

        return null;
    }

    /// <summary>A single-choice step; the digit chosen, or null after the last failed try.</summary>
    public async Task<char?> AskChoiceAsync(string step, IReadOnlyList<PromptRef> prompts, string allowed, CancellationToken cancellationToken) =>
        await AskAsync(new IvrStep(step, prompts, new ChoiceInput(allowed)), cancellationToken).ConfigureAwait(false) is { } answer
            ? answer.Digits[0]
            : null;

    /// <summary>A number step ended by <c>#</c>; the number, or null after the last failed try.</summary>
    public async Task<string?> AskNumberAsync(string step, IReadOnlyList<PromptRef> prompts, DigitsInput input, CancellationToken cancellationToken) =>
        (await AskAsync(new IvrStep(step, prompts, input), cancellationToken).ConfigureAwait(false))?.Digits;

    /// <summary>A spoken answer; the recording, or null after the last failed try.</summary>
    public async Task<IvrRecording?> AskRecordingAsync(string step, IReadOnlyList<PromptRef> prompts, TimeSpan maxLength, CancellationToken cancellationToken) =>
        (await AskAsync(new IvrStep(step, prompts, new RecordingInput(maxLength)), cancellationToken).ConfigureAwait(false))?.Recording;
}
