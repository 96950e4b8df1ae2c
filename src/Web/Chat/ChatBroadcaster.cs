using CallMyWay.Voice.Domain.Common;
using CallMyWay.Voice.Domain.Conversations;
using CallMyWay.Voice.Web.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace CallMyWay.Voice.Web.Chat;

/// <summary>
/// Tells agents and the visitor what changed in a conversation: every agent's console gets the summary and the
/// messages (like calls, a chat may be taken by any agent at or above its level, and a transfer must leave the old
/// level's queue at once); the visitor gets the messages and the status.
/// </summary>
public sealed class ChatBroadcaster(IHubContext<AgentHub> agents, IHubContext<VisitorChatHub> visitors, TimeProvider time)
{
    public async Task ChangedAsync(Conversation conversation, string? agentName, IReadOnlyList<ChatMessage> added, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(added);
        var toAgents = agents.Clients.All;
        var toVisitor = visitors.Clients.Group(ChatEvents.VisitorGroup(conversation.Id));
        await toAgents.SendAsync(ChatEvents.ChatUpdated, ConversationSummary.From(conversation, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        foreach (var message in added)
        {
            var view = ChatMessageView.From(conversation.Id, message);
            await toAgents.SendAsync(ChatEvents.ChatMessage, view, cancellationToken).ConfigureAwait(false);
            await toVisitor.SendAsync(ChatEvents.ChatMessage, view, cancellationToken).ConfigureAwait(false);
        }

        await toVisitor.SendAsync(ChatEvents.ChatStatus, StatusOf(conversation, agentName), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The visitor is typing: the agents who can see the conversation show it.</summary>
    public Task CustomerTypingAsync(Conversation conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return agents.Clients.All.SendAsync(ChatEvents.ChatTyping, new { conversationId = conversation.Id, author = "customer" }, cancellationToken);
    }

    /// <summary>The agent is typing: the visitor sees their name.</summary>
    public Task AgentTypingAsync(string conversationId, string? agentName, CancellationToken cancellationToken) =>
        visitors.Clients.Group(ChatEvents.VisitorGroup(conversationId)).SendAsync(ChatEvents.ChatTyping, new { conversationId, author = "agent", name = agentName }, cancellationToken);

    public static ChatStatusView StatusOf(Conversation conversation, string? agentName)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return new ChatStatusView(conversation.Id, ContractName.Of(conversation.Status), (int)conversation.Level, conversation.Assignee is null ? null : agentName);
    }
}
