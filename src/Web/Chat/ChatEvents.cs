namespace CallMyWay.Voice.Web.Chat;

/// <summary>What the server sends about chats, to agents (<c>/hubs/agents</c>) and visitors (<c>/hubs/chat</c>).</summary>
public static class ChatEvents
{
    public const string ChatUpdated = "chatUpdated";
    public const string ChatMessage = "chatMessage";
    public const string ChatTyping = "chatTyping";
    public const string ChatStatus = "chatStatus";

    /// <summary>The SignalR group of a conversation's visitor connections.</summary>
    public static string VisitorGroup(string conversationId) => "conversation-" + conversationId;
}
