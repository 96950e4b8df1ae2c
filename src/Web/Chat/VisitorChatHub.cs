using CallMyWay.Voice.Domain.Common;
using CallMyWay.Voice.Domain.Conversations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace CallMyWay.Voice.Web.Chat;

/// <summary>
/// The visitors' chat channel (<c>/hubs/chat</c>, anonymous). A visitor proves which conversation is theirs with the
/// token <see cref="Start"/> gave them; <see cref="Resume"/> after every (re)connect returns what they missed, and
/// <see cref="Send"/> is idempotent on the client's message id, so a network drop loses and doubles nothing.
/// </summary>
[AllowAnonymous]
public sealed class VisitorChatHub(ChatService chats, ChatLimiter limiter, ChatBroadcaster broadcaster) : Hub
{
    public async Task<StartChatResult> Start(StartChatRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!limiter.TryStart(ClientIp()))
        {
            throw new HubException("Too many chats from this connection; please try again later or write to us by e-mail.");
        }

        var (started, error) = await chats.StartAsync(request, Context.ConnectionAborted);
        if (error is not null)
        {
            throw new HubException(error.Message);
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, ChatEvents.VisitorGroup(started!.ConversationId));
        return started;
    }

    public async Task<object> Resume(string token, int afterSeq)
    {
        var conversation = await Mine(token);
        await Groups.AddToGroupAsync(Context.ConnectionId, ChatEvents.VisitorGroup(conversation.Id));
        var status = ChatBroadcaster.StatusOf(conversation, await AgentNameAsync(conversation));
        return new
        {
            conversationId = conversation.Id,
            status = status.Status,
            level = status.Level,
            agentName = status.AgentName,
            messages = conversation.Messages.Where(m => m.Seq > afterSeq).Select(m => ChatMessageView.From(conversation.Id, m)).ToList(),
        };
    }

    public async Task<ChatMessageView> Send(string token, string? clientMessageId, string? text)
    {
        var conversation = await Mine(token);
        if (!limiter.TrySend("webchat:" + conversation.Id))
        {
            throw new HubException("You are sending messages too fast; wait a moment.");
        }

        var outcome = await chats.PostFromCustomerAsync(conversation.Id, new NewChatMessage(text ?? string.Empty, clientMessageId), Context.ConnectionAborted);
        if (outcome.Error is { } error)
        {
            throw new HubException(error.Message);
        }

        return ChatMessageView.From(conversation.Id, outcome.Message!);
    }

    public async Task Typing(string token)
    {
        var conversation = await Mine(token);
        if (conversation.Status != ConversationStatus.Closed)
        {
            await broadcaster.CustomerTypingAsync(conversation, Context.ConnectionAborted);
        }
    }

    public async Task Leave(string token)
    {
        var conversation = await Mine(token);
        if (conversation.Status == ConversationStatus.Closed)
        {
            return;
        }

        var outcome = await chats.LeaveAsync(conversation.Id, Context.ConnectionAborted);
        if (outcome.Error is { } error)
        {
            throw new HubException(error.Message);
        }
    }

    private async Task<Conversation> Mine(string token) =>
        await chats.FindByTokenAsync(token, Context.ConnectionAborted)
        ?? throw new HubException("This chat is not known here any more; start a new one.");

    private async Task<string?> AgentNameAsync(Conversation conversation) =>
        conversation.Assignee is null ? null : (await chats.AgentDisplayNameAsync(conversation.Assignee, Context.ConnectionAborted));

    private string ClientIp() => Context.GetHttpContext()?.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
