namespace CallMyWay.Voice.Web.Chat;

/// <summary>A message left in the widget outside business hours: it opens a case.</summary>
public sealed record OfflineMessageRequest(string? Name, string? Email, string? Phone, string? Topic, string? Text, string? Language);
