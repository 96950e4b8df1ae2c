namespace CallMyWay.Voice.Domain.Conversations;

/// <summary>
/// A message as it arrives, before the conversation numbers it. <see cref="ClientMessageId"/> is the sender's own id
/// and <see cref="ExternalId"/> the channel's (a WhatsApp wamid): either makes a retry come back as the same message.
/// </summary>
public sealed record NewChatMessage(
    string Text,
    string? ClientMessageId = null,
    string? ExternalId = null,
    string? AttachmentId = null,
    string? AttachmentName = null,
    string? AttachmentType = null,
    long? AttachmentSize = null);
