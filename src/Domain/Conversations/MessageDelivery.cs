namespace CallMyWay.Voice.Domain.Conversations;

/// <summary>What the channel (WhatsApp's status webhooks) says happened to a message we sent.</summary>
public enum MessageDelivery
{
    Sent,
    Delivered,
    Read,
    Failed,
}
