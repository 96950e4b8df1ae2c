using CallMyWay.Voice.Domain.Conversations;
using CallMyWay.Voice.Web.Chat;
using CallMyWay.Voice.Web.Customers;

namespace CallMyWay.Voice.Web.WhatsApp;

/// <summary>
/// Where the webhook's messages go: each joins its customer's open WhatsApp conversation (stored once by wamid, as
/// Meta delivers at least once), and each status moves the answer it names forward.
/// </summary>
public sealed partial class ChatWhatsAppInbox(ChatService chats, ChatLimiter limiter, ILogger<ChatWhatsAppInbox> logger) : IWhatsAppInbox
{
    /// <summary>The media kinds agents are shown; anything else is noted in the text, never offered as a file.</summary>
    private static readonly HashSet<string> AcceptedMedia = new(StringComparer.OrdinalIgnoreCase)
    {
        "image/jpeg", "image/png", "image/webp", "application/pdf", "text/plain", "audio/ogg", "audio/mpeg", "audio/mp4", "audio/aac", "video/mp4",
    };

    public async Task AcceptAsync(IReadOnlyList<InboundWhatsAppMessage> messages, IReadOnlyList<WhatsAppStatusUpdate> statuses, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(statuses);
        foreach (var message in messages)
        {
            if (!limiter.TrySend("whatsapp:" + message.From))
            {
                Flooding(logger, message.From, message.MessageId);
                continue;
            }

            await chats.ReceiveWhatsAppAsync(CustomerNumbers.ToE164(message.From) ?? "+" + message.From, message.ProfileName, ToChat(message), message.Timestamp, ct).ConfigureAwait(false);
        }

        foreach (var status in statuses)
        {
            if (Delivery(status.Status) is { } delivery)
            {
                await chats.UpdateDeliveryAsync(status.MessageId, delivery, status.ErrorText, ct).ConfigureAwait(false);
            }
        }
    }

    private static NewChatMessage ToChat(InboundWhatsAppMessage message)
    {
        var text = message.Text.Length > ChatLimits.MaxTextLength ? message.Text[..ChatLimits.MaxTextLength] : message.Text;
        if (message.Media is not { } media)
        {
            return new NewChatMessage(text, ExternalId: message.MessageId);
        }

        if (!AcceptedMedia.Contains(media.MimeType.Split(';')[0].Trim()))
        {
            var refused = $"[{message.Type} of type {media.MimeType} not accepted]";
            return new NewChatMessage(string.IsNullOrEmpty(text) ? refused : $"{text} {refused}", ExternalId: message.MessageId);
        }

        return new NewChatMessage(
            text,
            ExternalId: message.MessageId,
            AttachmentId: ChatMessageView.WhatsAppMediaPrefix + media.Id,
            AttachmentName: media.FileName ?? message.Type,
            AttachmentType: media.MimeType);
    }

    private static MessageDelivery? Delivery(WhatsAppMessageStatus status) => status switch
    {
        WhatsAppMessageStatus.Sent => MessageDelivery.Sent,
        WhatsAppMessageStatus.Delivered => MessageDelivery.Delivered,
        WhatsAppMessageStatus.Read => MessageDelivery.Read,
        WhatsAppMessageStatus.Failed => MessageDelivery.Failed,
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "WhatsApp: {From} is over the message limit; message {MessageId} is not stored")]
    private static partial void Flooding(ILogger logger, string from, string messageId);
}
