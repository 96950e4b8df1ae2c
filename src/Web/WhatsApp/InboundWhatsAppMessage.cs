namespace CallMyWay.Voice.Web.WhatsApp;

/// <summary>One message a customer sent to the business number, flattened from a <c>messages</c> webhook.</summary>
/// <param name="MessageId">The wamid; Meta redelivers webhooks, so the same id can arrive more than once.</param>
/// <param name="From">The customer's WhatsApp ID (<c>wa_id</c>, digits without "+"), the <c>to</c> of a reply.</param>
/// <param name="ProfileName">The name in the customer's WhatsApp profile, when Meta sent the contact.</param>
/// <param name="Timestamp">When the customer sent it, or when we received it if Meta's timestamp was unreadable.</param>
/// <param name="Type">Meta's message type as sent: text, image, document, audio, video, sticker, location, reaction, button, interactive, unsupported, or one added later.</param>
/// <param name="Text">The body, a media caption (empty without one), or a readable description in brackets for everything else.</param>
/// <param name="Media">The asset of image, document, audio, video and sticker messages.</param>
/// <param name="ContextMessageId">The wamid this message answers (a reply, a button tap) or reacts to.</param>
/// <param name="BusinessPhoneNumberId">The phone number ID of our number that received it.</param>
/// <param name="BusinessDisplayNumber">Our number as customers see it.</param>
public sealed record InboundWhatsAppMessage(
    string MessageId,
    string From,
    string? ProfileName,
    DateTimeOffset Timestamp,
    string Type,
    string Text,
    WhatsAppMedia? Media,
    string? ContextMessageId,
    string BusinessPhoneNumberId,
    string BusinessDisplayNumber);
