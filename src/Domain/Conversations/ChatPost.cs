using CallMyWay.Voice.Domain.Common;

namespace CallMyWay.Voice.Domain.Conversations;

/// <summary>
/// The outcome of posting a message: the stored message, or the one already stored under the same id
/// (<see cref="Duplicate"/>), or why it was refused.
/// </summary>
public sealed record ChatPost(ChatMessage? Message, bool Duplicate, DomainError? Error)
{
    internal static ChatPost Added(ChatMessage message) => new(message, Duplicate: false, Error: null);

    internal static ChatPost Repeated(ChatMessage message) => new(message, Duplicate: true, Error: null);

    internal static ChatPost Refused(DomainError error) => new(Message: null, Duplicate: false, error);
}
