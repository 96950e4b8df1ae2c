namespace CallMyWay.Voice.Web.Chat;

/// <summary>Configuration section <c>Chat</c>: the web chat's limits against abuse, and where attachments live.</summary>
public sealed class ChatOptions
{
    public const string Section = "Chat";

    /// <summary>The e-mail the widget offers outside business hours (the desk's 24/7 channel).</summary>
    public string SupportEmail { get; set; } = "sosporte24@callmyway.com";

    /// <summary>New chats one client IP may start per hour.</summary>
    public int StartsPerClientPerHour { get; set; } = 10;

    /// <summary>Messages a visitor (one conversation) may send per minute; WhatsApp numbers get the same budget.</summary>
    public int MessagesPerMinute { get; set; } = 20;

    /// <summary>Closed-hours messages (each opens a case) one client IP may leave per hour.</summary>
    public int OfflineMessagesPerClientPerHour { get; set; } = 3;

    public long MaxAttachmentBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Where chat attachments are kept, one folder per conversation (relative to the working directory).</summary>
    public string AttachmentFolder { get; set; } = "data/chat-attachments";
}
