namespace CallMyWay.Voice.Domain.Conversations;

/// <summary>Who the customer says they are when a chat starts; the phone is E.164, normalised by the caller.</summary>
public sealed record ConversationCustomer(string? Name, string? Email, string? Phone);
