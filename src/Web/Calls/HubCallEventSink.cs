using CallMyWay.Voice.Domain.Common;
using CallMyWay.Voice.Telephony.Calls;
using CallMyWay.Voice.Web.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace CallMyWay.Voice.Web.Calls;

/// <summary>Publishes every call change to all agents as <c>callUpdated</c> (CONTRACT.md).</summary>
public sealed class HubCallEventSink(IHubContext<AgentHub> hub, ILogger<HubCallEventSink> logger) : ICallEventSink
{
    public void CallChanged(CallSnapshot call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var update = ToUpdate(call);
        _ = SendAsync(update);
    }

    public static CallUpdate ToUpdate(CallSnapshot call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return new CallUpdate(call.CallId, ContractName.Of(call.State), call.Did, call.Country, call.Caller, call.Step, call.CaseNumber, call.At);
    }

    private async Task SendAsync(CallUpdate update)
    {
        try
        {
            await hub.Clients.All.SendAsync(AgentHubEvents.CallUpdated, update).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "callUpdated for {CallId} could not be sent", update.CallId);
        }
    }
}
