using CallMyWay.Voice.Domain.Common;
using CallMyWay.Voice.Domain.Conversations;
using CallMyWay.Voice.Web.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace CallMyWay.Voice.Web.Chat;

/// <summary>
/// Tells agents and the visitor what changed in a conversation. Every console hears of a change to the queue (a
/// chat starts, is taken, transferred, linked or closed: any agent at or above its level may take it, and a
/// transfer must leave the old level's queue at once) and of the messages of waiting chats; once a chat is taken,
/// its messages and typing go only to its agent and the administrators, so a busy desk does not send every line
/// to every console. The visitor gets the messages and the status.
/// </summary>
public sealed class ChatBroadcaster(IHubContext<AgentHub> agents, IHubContext<VisitorChatHub> visitors, TimeProvider time)
{
    /// <param name="queueChanged">False when only messages were added: the queue and the visitor's status look the same.</param>
    public async Task ChangedAsync(Conversation conversation, string? agentName, IReadOnlyList<ChatMessage> added, bool queueChanged, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(added);
        var serving = ServingAgents(conversation);
        var toVisitor = visitors.Clients.Group(ChatEvents.VisitorGroup(conversation.Id));
        await (queueChanged ? agents.Clients.All : serving).SendAsync(ChatEvents.ChatUpdated, ConversationSummary.From(conversation, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        foreach (var message in added)
        {
            var view = ChatMessageView.From(conversation.Id, message);
            await serving.SendAsync(ChatEvents.ChatMessage, view, cancellationToken).ConfigureAwait(false);
            await toVisitor.SendAsync(ChatEvents.ChatMessage, view, cancellationToken).ConfigureAwait(false);
        }

        if (queueChanged)
        {
            await toVisitor.SendAsync(ChatEvents.ChatStatus, StatusOf(conversation, agentName), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The visitor is typing: the agents who can see the conversation show it.</summary>
    public Task CustomerTypingAsync(Conversation conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return ServingAgents(conversation).SendAsync(ChatEvents.ChatTyping, new { conversationId = conversation.Id, author = "customer" }, cancellationToken);
    }

    /// <summary>The agent is typing: the visitor sees their name.</summary>
    public Task AgentTypingAsync(string conversationId, string? agentName, CancellationToken cancellationToken) =>
        visitors.Clients.Group(ChatEvents.VisitorGroup(conversationId)).SendAsync(ChatEvents.ChatTyping, new { conversationId, author = "agent", name = agentName }, cancellationToken);

    /// <summary>Who follows the conversation's lines: everyone while it waits; then its agent and the administrators.</summary>
    private IClientProxy ServingAgents(Conversation conversation) =>
        conversation is { Status: not ConversationStatus.Waiting, Assignee: { } assignee }
            ? agents.Clients.Groups(AgentGroups.Agent(assignee), AgentGroups.Admins)
            : agents.Clients.All;

    public static ChatStatusView StatusOf(Conversation conversation, string? agentName)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return new ChatStatusView(conversation.Id, ContractName.Of(conversation.Status), (int)conversation.Level, conversation.Assignee is null ? null : agentName);
    }
}
