namespace CallMyWay.Voice.Web.WhatsApp;

/// <summary>Where a message the business sent stands, from a <c>statuses</c> webhook.</summary>
public enum WhatsAppMessageStatus
{
    /// <summary>A status this layer does not map (e.g. <c>deleted</c>, <c>warning</c>, or one added later).</summary>
    Unknown,

    Sent,

    Delivered,

    /// <summary>Only for customers with read receipts on; "delivered" may be skipped when both happen at once.</summary>
    Read,

    Failed,
}
