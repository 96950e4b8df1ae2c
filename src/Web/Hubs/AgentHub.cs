using System.Globalization;
using System.Security.Claims;
using CallMyWay.Voice.Domain.Agents;
using CallMyWay.Voice.Domain.Common;
using CallMyWay.Voice.Telephony.Calls;
using CallMyWay.Voice.Web.Auth;
using CallMyWay.Voice.Web.Calls;
using CallMyWay.Voice.Web.Calls.Queue;
using CallMyWay.Voice.Web.Chat;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace CallMyWay.Voice.Web.Hubs;

/// <summary>
/// The agents' live channel (<c>/hubs/agents</c>): each connection joins its level's group (administrators see
/// every level) and its own group, so case changes and SLA alerts reach exactly who works them.
/// </summary>
[Authorize(Policy = AgentPolicies.Agent)]
public sealed partial class AgentHub(AgentPresence presence, AgentQueue queue, CallRegistry calls, ChatService chats, TimeProvider time) : Hub
{
    public override async Task OnConnectedAsync()
    {
        var user = Context.User ?? throw new HubException("Not authenticated.");
        var email = AgentClaims.Actor(user);
        await Groups.AddToGroupAsync(Context.ConnectionId, AgentGroups.Agent(email));
        if (user.IsInRole(ContractName.Of(AgentRole.Admin)))
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, AgentGroups.Admins);
        }
        else if (int.TryParse(user.FindFirstValue(AgentClaims.Level), NumberStyles.None, CultureInfo.InvariantCulture, out var level))
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, AgentGroups.Level(level));
        }

        presence.Connected(email, Context.ConnectionId, user.FindFirstValue(AgentClaims.Extension));

        // A console that connects, or reconnects after a network drop, gets the live calls again at once: no stale board.
        foreach (var call in calls.Snapshot())
        {
            await Clients.Caller.SendAsync(AgentHubEvents.CallUpdated, HubCallEventSink.ToUpdate(call));
        }

        await SendOpenChatsAsync();

        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        presence.Disconnected(AgentClaims.Actor(Context.User!), Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>The agent takes a waiting call: their registered phone rings for it next.</summary>
    public string TakeCall(string callId)
    {
        if (queue.TakeCall(callId, AgentClaims.Actor(Context.User!)) is { } problem)
        {
            throw new HubException(problem);
        }

        return "ringing";
    }

    /// <summary>The agent says whether they can take calls: <c>available</c> or <c>away</c>.</summary>
    public string SetStatus(string status)
    {
        if (!AgentPresence.TryParseSelectable(status, out var parsed))
        {
            throw new HubException($"Unknown status \"{status}\": use available or away.");
        }

        presence.SetStatus(AgentClaims.Actor(Context.User!), parsed);
        return ContractName.Of(parsed);
    }
}
