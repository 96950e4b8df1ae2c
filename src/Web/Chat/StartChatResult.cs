namespace CallMyWay.Voice.Web.Chat;

/// <summary>A started chat: its id, and the visitor's secret token for resuming it after a reconnect or a reload.</summary>
public sealed record StartChatResult(string ConversationId, string Token);
