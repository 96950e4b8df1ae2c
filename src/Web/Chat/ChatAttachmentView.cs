namespace CallMyWay.Voice.Web.Chat;

/// <summary>A file sent in a chat; <see cref="Url"/> serves it to the conversation's visitor and to agents.</summary>
public sealed record ChatAttachmentView(string Id, string Name, string Type, long Size, string Url);
