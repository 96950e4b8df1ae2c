using CallMyWay.Voice.Domain.Calendar;
using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Telephony.Ivr.Desk;
using CallMyWay.Voice.Telephony.Ivr.Engine;
using CallMyWay.Voice.Telephony.Ivr.Prompts;

namespace CallMyWay.Voice.Telephony.Ivr.Flows;

/// <summary>
/// Offers to call the caller back at their number (<c>1</c> accepts, <c>2</c> goes back to the menu): at the next
/// opening when the desk is closed, as soon as an agent is free when none is. Accepting opens a callback case.
/// </summary>
internal sealed class CallbackOffer(IIvrCaseDesk desk, CaseConfirmation confirmation, BusinessCalendar calendar)
{
    public async Task<FlowResult> RunAsync(IvrSession session, CallbackReason reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (string.IsNullOrWhiteSpace(session.Channel.CallerNumber))
        {
            await session.PlayAsync(session.Prompts(PromptKeys.CallbackNoNumber, PromptKeys.ContactEmail), bargeIn: false, cancellationToken).ConfigureAwait(false);
            return FlowResult.MainMenu;
        }

        var now = session.Now;
        var scheduledFor = reason == CallbackReason.DeskClosed ? calendar.CurrentOrNextOpen(now) : now.ToOffset(calendar.UtcOffset);
        var offer = reason == CallbackReason.DeskClosed
            ? session.Prompts([PromptKeys.CallbackOfferOpening, .. HoursAnnouncement.Opening(scheduledFor, now), PromptKeys.CallbackAccept])
            : session.Prompts(PromptKeys.CallbackOfferSoon);
        var choice = await session.AskChoiceAsync("callback.offer", offer, "12", cancellationToken).ConfigureAwait(false);
        if (choice is null)
        {
            return FlowResult.InputFailed;
        }

        if (choice == '2')
        {
            return FlowResult.MainMenu;
        }

        var request = new CallbackRequest(session.Caller, scheduledFor, reason);
        if (await confirmation.OpenAsync(session, CaseKind.Callback, token => desk.OpenCallbackAsync(request, token)).ConfigureAwait(false) is not { } receipt)
        {
            return FlowResult.Fallback(PromptKeys.CaseNotRecorded);
        }

        await confirmation.ReadAsync(session, receipt, PromptKeys.CallbackSaved, cancellationToken).ConfigureAwait(false);
        await session.PlayAsync(session.Prompts(PromptKeys.Goodbye), bargeIn: false, cancellationToken).ConfigureAwait(false);
        return FlowResult.End(IvrOutcome.Completed);
    }
}
