using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Web.Api;
using CallMyWay.Voice.Web.Desk;
using Microsoft.AspNetCore.SignalR;

namespace CallMyWay.Voice.Web.Hubs;

/// <summary>Publishes every case change as <c>caseUpdated</c> to the case's level group and the administrators.</summary>
public sealed class HubCaseNotifier(IHubContext<AgentHub> hub) : ICaseWatcher
{
    public Task CaseChangedAsync(SupportCase supportCase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(supportCase);
        return hub.Clients.Groups(AgentGroups.Level((int)supportCase.Level), AgentGroups.Admins).SendAsync(AgentHubEvents.CaseUpdated, CaseResponse.From(supportCase), cancellationToken);
    }
}
