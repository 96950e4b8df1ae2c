using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Telephony.Ivr.Desk;
using CallMyWay.Voice.Telephony.Ivr.Engine;
using CallMyWay.Voice.Telephony.Ivr.Prompts;

namespace CallMyWay.Voice.Telephony.Ivr.Flows;

/// <summary>
/// Menu <c>2</c>, a new activation (CONTRACT.md): account ID, extension, direct number, SIP or Teams, ring group, the
/// user's full name spoken after the tone; then the case is saved, its number read back and what is still missing
/// (the name in writing, the Teams e-mail, the group's name) listed.
/// </summary>
internal sealed class ActivationFlow(IIvrCaseDesk desk, CaseConfirmation confirmation)
{
    public async Task<FlowResult> RunAsync(IvrSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (await session.AskNumberAsync("activation.account", session.Prompts(PromptKeys.ActivationAccount), new DigitsInput(1, 12), cancellationToken).ConfigureAwait(false) is not { } account
            || await session.AskNumberAsync("activation.extension", session.Prompts(PromptKeys.ActivationExtension), new DigitsInput(1, 10), cancellationToken).ConfigureAwait(false) is not { } extension
            || await session.AskChoiceAsync("activation.direct-number", session.Prompts(PromptKeys.ActivationDirectNumber), "12", cancellationToken).ConfigureAwait(false) is not { } directNumber
            || await session.AskChoiceAsync("activation.type", session.Prompts(PromptKeys.ActivationType), "12", cancellationToken).ConfigureAwait(false) is not { } type
            || await session.AskChoiceAsync("activation.ring-group", session.Prompts(PromptKeys.ActivationRingGroup), "12", cancellationToken).ConfigureAwait(false) is not { } ringGroup)
        {
            return FlowResult.InputFailed;
        }

        // A name that could not be recorded is no reason to lose the request: it is listed as missing anyway.
        var name = await session.AskRecordingAsync(
            "activation.name",
            session.Prompts(PromptKeys.ActivationName, PromptKeys.Tone),
            session.Options.NameRecordingMaxLength,
            cancellationToken).ConfigureAwait(false);

        var request = new ActivationRequest(
            session.Caller,
            account,
            extension,
            DirectNumber: directNumber == '1',
            type == '1' ? ExtensionType.Sip : ExtensionType.Teams,
            InRingGroup: ringGroup == '1',
            name);
        if (await confirmation.OpenAsync(session, CaseKind.Activation, token => desk.OpenActivationAsync(request, token)).ConfigureAwait(false) is not { } receipt)
        {
            return FlowResult.Fallback(PromptKeys.CaseNotRecorded);
        }

        await confirmation.ReadAsync(session, receipt, PromptKeys.ActivationSaved, cancellationToken).ConfigureAwait(false);
        var missing = receipt.MissingInfo.Where(PromptKeys.MissingFields.Contains).Select(PromptKeys.Missing).ToList();
        if (missing.Count > 0)
        {
            await session.PlayAsync(session.Prompts([PromptKeys.ActivationMissing, .. missing]), bargeIn: false, cancellationToken).ConfigureAwait(false);
        }

        await session.PlayAsync(session.Prompts(PromptKeys.ActivationCharges, PromptKeys.Goodbye), bargeIn: false, cancellationToken).ConfigureAwait(false);
        return FlowResult.End(IvrOutcome.Completed);
    }
}
