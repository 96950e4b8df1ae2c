using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Domain.Common;
using CallMyWay.Voice.Domain.Conversations;
using static CallMyWay.Voice.Domain.Tests.Calendar.DeskTime;

namespace CallMyWay.Voice.Domain.Tests.Conversations;

/// <summary>Conversations the way the desk meets them, at local desk times (GMT-6).</summary>
internal static class SampleConversations
{
    public const string Ana = "ana@callmyway.com";
    public const string Luis = "luis@callmyway.com";
    public const string StartedAt = "2026-11-26 10:00";

    public static ConversationCustomer Maria { get; } = new("María López", "maria@example.com", "+525512345678");

    public static Conversation Webchat() => Conversation.Start(CaseChannel.Webchat, Maria, "Facturación", "es", At(StartedAt));

    public static Conversation Whatsapp() =>
        Conversation.Start(CaseChannel.Whatsapp, new ConversationCustomer("María", null, "+525512345678"), null, "es", At(StartedAt));

    /// <summary>A web chat that Ana took at 10:01.</summary>
    public static Conversation TakenByAna()
    {
        var conversation = Webchat();
        Assert.Null(conversation.Take(Ana, At("2026-11-26 10:01")));
        return conversation;
    }

    public static Conversation Closed()
    {
        var conversation = TakenByAna();
        Assert.Null(conversation.Close(Ana, At("2026-11-26 10:30")));
        return conversation;
    }

    public static NewChatMessage Text(string text, string? clientMessageId = null, string? externalId = null) =>
        new(text, clientMessageId, externalId);

    /// <summary>Posts and asserts it was stored.</summary>
    public static ChatMessage Posted(ChatPost post)
    {
        Assert.Null(post.Error);
        Assert.False(post.Duplicate);
        Assert.NotNull(post.Message);
        return post.Message;
    }

    public static DomainError Refused(ChatPost post)
    {
        Assert.Null(post.Message);
        Assert.False(post.Duplicate);
        Assert.NotNull(post.Error);
        return post.Error;
    }
}
