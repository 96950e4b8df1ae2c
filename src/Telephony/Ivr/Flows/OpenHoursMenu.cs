using CallMyWay.Voice.Telephony.Ivr.Engine;
using CallMyWay.Voice.Telephony.Ivr.Prompts;

namespace CallMyWay.Voice.Telephony.Ivr.Flows;

/// <summary>The main menu in business hours (CONTRACT.md): <c>1</c> incident, <c>2</c> activation, <c>3</c> status, <c>0</c> an agent, <c>9</c> language.</summary>
internal sealed class OpenHoursMenu(IncidentFlow incident, ActivationFlow activation, StatusFlow status, AgentRequest agent)
{
    public const string Step = "menu.open";

    public async Task<FlowResult> RunAsync(IvrSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (!session.Greeted)
        {
            session.Greeted = true;
            await session.PlayAsync(session.Prompts(PromptKeys.Welcome), bargeIn: true, cancellationToken).ConfigureAwait(false);
        }

        while (true)
        {
            var menu = session.Prompts(PromptKeys.MenuCases, PromptKeys.MenuAgent);
            switch (await session.AskChoiceAsync(Step, [.. menu, session.OtherLanguageOffer()], "12309", cancellationToken).ConfigureAwait(false))
            {
                case '1':
                    return await incident.RunAsync(session, cancellationToken).ConfigureAwait(false);
                case '2':
                    return await activation.RunAsync(session, cancellationToken).ConfigureAwait(false);
                case '3':
                    return await status.RunAsync(session, cancellationToken).ConfigureAwait(false);
                case '0':
                    return await agent.RunAsync(session, cancellationToken).ConfigureAwait(false);
                case '9':
                    session.SwitchLanguage();
                    break;
                default:
                    return FlowResult.InputFailed;
            }
        }
    }
}
