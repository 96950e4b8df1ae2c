using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Domain.Conversations;

namespace CallMyWay.Voice.Domain.Tests.Conversations;

/// <summary>Everything a command could change on a conversation, to show that a refused command changed nothing.</summary>
internal sealed record ConversationSnapshot(
    int Version,
    ConversationStatus Status,
    EscalationLevel Level,
    string? Assignee,
    long? CaseNumber,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? WaitingSince,
    DateTimeOffset? LastCustomerMessageAt,
    DateTimeOffset? ClosedAt,
    string Messages)
{
    public static ConversationSnapshot Of(Conversation c) => new(
        c.Version,
        c.Status,
        c.Level,
        c.Assignee,
        c.CaseNumber,
        c.UpdatedAt,
        c.WaitingSince,
        c.LastCustomerMessageAt,
        c.ClosedAt,
        string.Join(
            "\n",
            c.Messages.Select(m => $"{m.Seq}|{m.Author}|{m.AuthorName}|{m.Text}|{m.At:O}|{m.ClientMessageId}|{m.ExternalId}|{m.AttachmentId}|{m.Delivery}|{m.DeliveryError}")));
}
