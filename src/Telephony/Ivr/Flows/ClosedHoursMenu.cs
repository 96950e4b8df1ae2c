using CallMyWay.Voice.Domain.Calendar;
using CallMyWay.Voice.Telephony.Ivr.Desk;
using CallMyWay.Voice.Telephony.Ivr.Engine;
using CallMyWay.Voice.Telephony.Ivr.Prompts;

namespace CallMyWay.Voice.Telephony.Ivr.Flows;

/// <summary>
/// The main menu out of business hours (CONTRACT.md): the greeting says the desk is closed and gives the hours and
/// the e-mail; <c>1</c>, <c>2</c>, <c>3</c> as in business hours, <c>0</c> a call back at the next opening, <c>9</c> language.
/// </summary>
internal sealed class ClosedHoursMenu(IncidentFlow incident, ActivationFlow activation, StatusFlow status, CallbackOffer callback, BusinessCalendar calendar)
{
    public const string Step = "menu.closed";

    public async Task<FlowResult> RunAsync(IvrSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (!session.Greeted)
        {
            session.Greeted = true;
            var greeting = session.Prompts([PromptKeys.Welcome, PromptKeys.ClosedIntro, .. HoursAnnouncement.Of(calendar.Hours), PromptKeys.ContactEmail]);
            await session.PlayAsync(greeting, bargeIn: true, cancellationToken).ConfigureAwait(false);
        }

        while (true)
        {
            var menu = session.Prompts(PromptKeys.MenuCases, PromptKeys.MenuCallback);
            switch (await session.AskChoiceAsync(Step, [.. menu, session.OtherLanguageOffer()], "12309", cancellationToken).ConfigureAwait(false))
            {
                case '1':
                    return await incident.RunAsync(session, cancellationToken).ConfigureAwait(false);
                case '2':
                    return await activation.RunAsync(session, cancellationToken).ConfigureAwait(false);
                case '3':
                    return await status.RunAsync(session, cancellationToken).ConfigureAwait(false);
                case '0':
                    return await callback.RunAsync(session, CallbackReason.DeskClosed, cancellationToken).ConfigureAwait(false);
                case '9':
                    session.SwitchLanguage();
                    break;
                default:
                    return FlowResult.InputFailed;
            }
        }
    }
}
