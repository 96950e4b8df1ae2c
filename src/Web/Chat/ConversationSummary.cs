using CallMyWay.Voice.Domain.Common;
using CallMyWay.Voice.Domain.Conversations;

namespace CallMyWay.Voice.Web.Chat;

/// <summary>A conversation as the agents' queue and board show it (<c>chatUpdated</c>).</summary>
public sealed record ConversationSummary(
    string Id,
    string Channel,
    string Status,
    int Level,
    string? Assignee,
    string? CustomerName,
    string? CustomerEmail,
    string? CustomerPhone,
    string? Topic,
    string Language,
    DateTimeOffset CreatedAt,
    DateTimeOffset? WaitingSince,
    DateTimeOffset LastMessageAt,
    long? CaseNumber,
    bool WindowOpen,
    DateTimeOffset? WindowClosesAt)
{
    public static ConversationSummary From(Conversation conversation, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var messages = conversation.Messages;
        return new ConversationSummary(
            conversation.Id,
            ContractName.Of(conversation.Channel),
            ContractName.Of(conversation.Status),
            (int)conversation.Level,
            conversation.Assignee,
            conversation.CustomerName,
            conversation.CustomerEmail,
            conversation.CustomerPhone,
            conversation.Topic,
            conversation.Language,
            conversation.CreatedAt,
            conversation.WaitingSince,
            messages.Count > 0 ? messages[^1].At : conversation.CreatedAt,
            conversation.CaseNumber,
            conversation.CustomerServiceWindowOpen(now),
            conversation.CustomerServiceWindowClosesAt);
    }
}
