using System.Globalization;
using CallMyWay.Voice.Domain.Conversations;
using CallMyWay.Voice.Web.Chat;
using Microsoft.AspNetCore.SignalR;

namespace CallMyWay.Voice.Web.Hubs;

/// <summary>The agents' side of web chat and WhatsApp: take, answer, type, transfer, close, open a case.</summary>
public sealed partial class AgentHub
{
    public async Task<ConversationSummary> TakeChat(string id) =>
        Summary(await chats.TakeAsync(id, Agent(), Context.ConnectionAborted));

    public async Task<ChatMessageView> SendChat(string id, string? clientMessageId, string? text)
    {
        var outcome = Checked(await chats.PostFromAgentAsync(id, Agent(), clientMessageId, text, Context.ConnectionAborted));
        return ChatMessageView.From(id, outcome.Message!);
    }

    public async Task<ChatMessageView> SendChatTemplate(string id, string templateName)
    {
        var outcome = Checked(await chats.SendTemplateAsync(id, Agent(), templateName, Context.ConnectionAborted));
        return ChatMessageView.From(id, outcome.Message!);
    }

    public async Task ChatTyping(string id)
    {
        var conversation = await chats.FindAsync(id, Context.ConnectionAborted);
        if (conversation is { Status: ConversationStatus.Active } && conversation.Assignee == Agent().Email)
        {
            await chats.AgentTypingAsync(conversation, Agent(), Context.ConnectionAborted);
        }
    }

    /// <summary>Back to the queue at a level: <c>level2</c> or <c>2</c>.</summary>
    public async Task<ConversationSummary> TransferChat(string id, string level)
    {
        var digits = (level ?? string.Empty).Trim().ToLowerInvariant().Replace("level", string.Empty, StringComparison.Ordinal);
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed is < 1 or > 3)
        {
            throw new HubException($"Unknown level \"{level}\": use 1, 2 or 3.");
        }

        return Summary(await chats.TransferAsync(id, Agent(), parsed, Context.ConnectionAborted));
    }

    public async Task<ConversationSummary> CloseChat(string id) =>
        Summary(await chats.CloseAsync(id, Agent(), Context.ConnectionAborted));

    /// <summary>The conversation becomes a case, or joins the customer's open one; answers the case number.</summary>
    public async Task<long> OpenCaseFromChat(string id)
    {
        var (number, _, error) = await chats.OpenCaseAsync(id, Agent(), Context.ConnectionAborted);
        return error is null ? number!.Value : throw new HubException(error.Message);
    }

    private async Task SendOpenChatsAsync()
    {
        var now = time.GetUtcNow();
        foreach (var status in (ConversationStatus[])[ConversationStatus.Waiting, ConversationStatus.Active])
        {
            foreach (var conversation in await chats.ListAsync(status, null, null, Context.ConnectionAborted))
            {
                await Clients.Caller.SendAsync(ChatEvents.ChatUpdated, ConversationSummary.From(conversation, now));
            }
        }
    }

    private ChatAgent Agent() => ChatAgent.From(Context.User!);

    private ConversationSummary Summary(ChatOutcome outcome) => ConversationSummary.From(Checked(outcome).Conversation!, time.GetUtcNow());

    private static ChatOutcome Checked(ChatOutcome outcome) =>
        outcome.Error is { } error ? throw new HubException(error.Message) : outcome;
}
