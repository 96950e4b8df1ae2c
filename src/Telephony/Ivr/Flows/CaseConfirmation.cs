using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Telephony.Ivr.Desk;
using CallMyWay.Voice.Telephony.Ivr.Engine;
using CallMyWay.Voice.Telephony.Ivr.Events;
using CallMyWay.Voice.Telephony.Ivr.Prompts;
using Microsoft.Extensions.Logging;

namespace CallMyWay.Voice.Telephony.Ivr.Flows;

/// <summary>Hands a case to the desk and tells the caller its number, digit by digit, twice, or that an agent will confirm it.</summary>
internal sealed class CaseConfirmation(ILogger logger)
{
    /// <summary>Opens the case; null when the desk could take it neither into the database nor into the outbox.</summary>
    public async Task<IvrCaseReceipt?> OpenAsync(IvrSession session, CaseKind kind, Func<CancellationToken, Task<IvrCaseReceipt>> open)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(open);
        IvrCaseReceipt receipt;
        try
        {
            // Not the call's token: the caller has said everything, so hanging up now must not lose the case.
            receipt = await open(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "IVR call {CallId} could not record its {Kind} case: neither the database nor the outbox took it", session.CallId, kind);
            return null;
        }

        if (receipt.Number is { } number)
        {
            session.OnCaseOpened(number, kind);
        }
        else
        {
            session.Emit(new CasePending(session.CallId, session.Now, kind));
        }

        return receipt;
    }

    /// <summary>"Your case number is 1 0 0 7. Again: 1 0 0 7." or "An agent will confirm your case number."</summary>
    public ValueTask ReadAsync(IvrSession session, IvrCaseReceipt receipt, string savedKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(receipt);
        if (receipt.Number is not { } number)
        {
            return session.PlayAsync(session.Prompts(PromptKeys.CasePending), bargeIn: false, cancellationToken);
        }

        var digits = SpokenNumber.Digits(number, session.Language);
        return session.PlayAsync([session.Prompt(savedKey), .. digits, session.Prompt(PromptKeys.CaseRepeat), .. digits], bargeIn: false, cancellationToken);
    }
}
