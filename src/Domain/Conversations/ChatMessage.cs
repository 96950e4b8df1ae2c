namespace CallMyWay.Voice.Domain.Conversations;

/// <summary>One message in a conversation, numbered by <see cref="Seq"/> so clients can resume after what they have.</summary>
public sealed class ChatMessage
{
    private ChatMessage()
    {
    }

    /// <summary>1 for the first message of the conversation, then one more for each.</summary>
    public int Seq { get; private set; }

    public MessageAuthor Author { get; private set; }
    public string? AuthorName { get; private set; }

    /// <summary>Empty when the message is only an attachment.</summary>
    public string Text { get; private set; } = string.Empty;

    public DateTimeOffset At { get; private set; }

    /// <summary>The sender's id for the message, so a retry after a reconnect is recognised.</summary>
    public string? ClientMessageId { get; private set; }

    /// <summary>The channel's id for the message (a WhatsApp wamid), which its status webhooks refer to.</summary>
    public string? ExternalId { get; private set; }

    public string? AttachmentId { get; private set; }
    public string? AttachmentName { get; private set; }
    public string? AttachmentType { get; private set; }
    public long? AttachmentSize { get; private set; }

    /// <summary>Null where the channel reports nothing (web chat) or has not reported yet.</summary>
    public MessageDelivery? Delivery { get; private set; }

    public string? DeliveryError { get; private set; }

    public bool HasAttachment => AttachmentId is not null;

    internal static ChatMessage Create(int seq, MessageAuthor author, string? authorName, string text, DateTimeOffset at, NewChatMessage? from = null) => new()
    {
        Seq = seq,
        Author = author,
        AuthorName = authorName,
        Text = text,
        At = at,
        ClientMessageId = Normalised(from?.ClientMessageId),
        ExternalId = Normalised(from?.ExternalId),
        AttachmentId = Normalised(from?.AttachmentId),
        AttachmentName = Normalised(from?.AttachmentName),
        AttachmentType = Normalised(from?.AttachmentType),
        AttachmentSize = from?.AttachmentSize,
    };

    internal static string? Normalised(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    internal void SetExternalId(string externalId) => ExternalId = externalId;

    /// <summary>
    /// Status webhooks arrive late and out of order; a status only counts when it moves the message forward
    /// (sent → delivered → read), and a failure only before anything reached the customer.
    /// </summary>
    internal bool Advance(MessageDelivery delivery, string? error)
    {
        var moves = delivery == MessageDelivery.Failed
            ? Delivery is null or MessageDelivery.Sent
            : Delivery != MessageDelivery.Failed && Rank(delivery) > Rank(Delivery);
        if (!moves)
        {
            return false;
        }

        Delivery = delivery;
        DeliveryError = delivery == MessageDelivery.Failed ? Normalised(error) : null;
        return true;
    }

    private static int Rank(MessageDelivery? delivery) => delivery switch
    {
        MessageDelivery.Sent => 1,
        MessageDelivery.Delivered => 2,
        MessageDelivery.Read => 3,
        _ => 0,
    };
}
