using CallMyWay.Voice.Domain.Common;
using CallMyWay.Voice.Domain.Conversations;

namespace CallMyWay.Voice.Web.Chat;

/// <summary>What a chat operation did: the conversation after it, the message it wrote (if any), or why it refused.</summary>
public sealed record ChatOutcome(Conversation? Conversation, ChatMessage? Message, DomainError? Error)
{
    public static ChatOutcome Refused(DomainError error) => new(null, null, error);
}
