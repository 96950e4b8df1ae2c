namespace CallMyWay.Voice.Domain.Conversations;

/// <summary>Who wrote a chat message.</summary>
public enum MessageAuthor
{
    Customer,
    Agent,

    /// <summary>The desk itself: joins, transfers, closing, linked cases.</summary>
    System,
}
