using CallMyWay.Voice.Telephony.Ivr.Desk;
using CallMyWay.Voice.Telephony.Ivr.Engine;
using CallMyWay.Voice.Telephony.Ivr.Prompts;

namespace CallMyWay.Voice.Telephony.Ivr.Flows;

/// <summary>Menu <c>0</c> in business hours: to the agents' queue, or, while no agent can take the call, the offer of a call back.</summary>
internal sealed class AgentRequest(IAgentAvailability agents, CallbackOffer callback)
{
    public async Task<FlowResult> RunAsync(IvrSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (agents.AgentsAvailable)
        {
            await session.PlayAsync(session.Prompts(PromptKeys.AgentTransfer), bargeIn: false, cancellationToken).ConfigureAwait(false);
            return FlowResult.End(IvrOutcome.ToAgentQueue);
        }

        await session.PlayAsync(session.Prompts(PromptKeys.AgentUnavailable), bargeIn: true, cancellationToken).ConfigureAwait(false);
        return await callback.RunAsync(session, CallbackReason.NoAgentAvailable, cancellationToken).ConfigureAwait(false);
    }
}
