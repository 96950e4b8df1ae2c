namespace CallMyWay.Voice.Domain.Conversations;

/// <summary>Sizes a chat accepts, so an anonymous visitor cannot fill the store.</summary>
public static class ChatLimits
{
    /// <summary>WhatsApp's own limit for a text message body.</summary>
    public const int MaxTextLength = 4096;

    public const int MaxNameLength = 100;

    public const int MaxTopicLength = 200;

    /// <summary>For a sender's client message id and a channel's message id (a wamid is well under this).</summary>
    public const int MaxIdLength = 128;
}
