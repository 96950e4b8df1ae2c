namespace CallMyWay.Voice.Web.Chat;

/// <summary>What the visitor is told of their conversation (<c>chatStatus</c>): waiting, with an agent, or closed.</summary>
public sealed record ChatStatusView(string ConversationId, string Status, int Level, string? AgentName);
