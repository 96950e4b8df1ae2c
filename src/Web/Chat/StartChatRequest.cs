namespace CallMyWay.Voice.Web.Chat;

/// <summary>The widget's pre-chat form.</summary>
public sealed record StartChatRequest(string? Name, string? Email, string? Phone, string? Topic, string? Language);
