namespace CallMyWay.Voice.Web.Chat;

/// <summary>A file kept from a chat: its id in the conversation's folder, a safe name, the type read from its bytes, its size.</summary>
public sealed record ChatFile(string Id, string Name, string Type, long Size);
