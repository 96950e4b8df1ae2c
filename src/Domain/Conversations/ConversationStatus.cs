namespace CallMyWay.Voice.Domain.Conversations;

/// <summary>Where a chat stands: queued for an agent, being answered, or over.</summary>
public enum ConversationStatus
{
    Waiting,
    Active,
    Closed,
}
