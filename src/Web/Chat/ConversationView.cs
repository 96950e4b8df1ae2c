namespace CallMyWay.Voice.Web.Chat;

/// <summary>A conversation with its messages, for the agent's conversation pane and the visitor's resume.</summary>
public sealed record ConversationView(ConversationSummary Summary, IReadOnlyList<ChatMessageView> Messages);
