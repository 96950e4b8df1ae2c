namespace CallMyWay.Voice.Web.WhatsApp;

/// <summary>A change in the delivery of a message the business sent, flattened from a <c>statuses</c> webhook.</summary>
/// <param name="MessageId">The wamid returned when the message was sent.</param>
/// <param name="RecipientId">The customer's WhatsApp ID.</param>
/// <param name="Error">Why a <see cref="WhatsAppMessageStatus.Failed"/> message failed.</param>
public sealed record WhatsAppStatusUpdate(
    string MessageId,
    WhatsAppMessageStatus Status,
    DateTimeOffset Timestamp,
    string RecipientId,
    WhatsAppError? Error)
{
    /// <summary>The failure as text for <c>ChatMessage.DeliveryError</c>, or null.</summary>
    public string? ErrorText => Error?.Describe();

    /// <summary>
    /// The send was accepted but failed later because the customer-service window had closed: Cloud API usually
    /// reports 131047 this way rather than in the send response.
    /// </summary>
    public bool OutsideCustomerServiceWindow => Error?.Code == WhatsAppErrorCodes.ReEngagementMessage;
}
