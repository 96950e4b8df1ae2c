using CallMyWay.Voice.Domain.Common;
using CallMyWay.Voice.Domain.Conversations;

namespace CallMyWay.Voice.Web.Chat;

/// <summary>A message as visitors and agents receive it (<c>chatMessage</c>).</summary>
public sealed record ChatMessageView(
    string ConversationId,
    int Seq,
    string Author,
    string? AuthorName,
    string Text,
    DateTimeOffset At,
    string? ClientMessageId,
    ChatAttachmentView? Attachment,
    string? Delivery,
    string? DeliveryError)
{
    /// <summary>Marks a WhatsApp media id: the file stays with Meta until an agent opens it (fetched then, through us).</summary>
    public const string WhatsAppMediaPrefix = "wa-media:";

    public static ChatMessageView From(string conversationId, ChatMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var attachment = message.AttachmentId is { } id
            ? new ChatAttachmentView(id, message.AttachmentName ?? id, message.AttachmentType ?? "application/octet-stream", message.AttachmentSize ?? 0, $"/api/chat/attachments/{conversationId}/{Uri.EscapeDataString(id)}")
            : null;
        return new ChatMessageView(
            conversationId,
            message.Seq,
            ContractName.Of(message.Author),
            message.AuthorName,
            message.Text,
            message.At,
            message.ClientMessageId,
            attachment,
            message.Delivery is { } delivery ? ContractName.Of(delivery) : null,
            message.DeliveryError);
    }
}
