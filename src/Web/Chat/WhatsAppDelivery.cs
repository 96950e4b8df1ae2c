namespace CallMyWay.Voice.Web.Chat;

/// <summary>What the Cloud API said to a message we sent: its wamid, or why not.</summary>
public sealed record WhatsAppDelivery(string? MessageId, string? Error, bool OutsideCustomerServiceWindow)
{
    public bool Sent => MessageId is not null;
}
