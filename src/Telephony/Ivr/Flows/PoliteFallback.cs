using CallMyWay.Voice.Domain.Calendar;
using CallMyWay.Voice.Telephony.Ivr.Engine;
using CallMyWay.Voice.Telephony.Ivr.Prompts;

namespace CallMyWay.Voice.Telephony.Ivr.Flows;

/// <summary>
/// The polite fallback (CONTRACT.md) when the IVR cannot serve the caller: an apology, then an agent if one is free
/// during business hours, else the e-mail address and goodbye.
/// </summary>
internal sealed class PoliteFallback(IAgentAvailability agents, BusinessCalendar calendar)
{
    public async Task<FlowResult> RunAsync(IvrSession session, string apologyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (calendar.IsOpen(session.Now) && agents.AgentsAvailable)
        {
            await session.PlayAsync(session.Prompts(apologyKey, PromptKeys.AgentTransfer), bargeIn: false, cancellationToken).ConfigureAwait(false);
            return FlowResult.End(IvrOutcome.ToAgentQueue);
        }

        await session.PlayAsync(session.Prompts(apologyKey, PromptKeys.ContactEmail, PromptKeys.Goodbye), bargeIn: false, cancellationToken).ConfigureAwait(false);
        return FlowResult.End(IvrOutcome.GaveUp);
    }
}
