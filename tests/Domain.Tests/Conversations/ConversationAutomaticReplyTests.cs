using CallMyWay.Voice.Domain.Conversations;
using static CallMyWay.Voice.Domain.Tests.Calendar.DeskTime;
using static CallMyWay.Voice.Domain.Tests.Conversations.SampleConversations;

namespace CallMyWay.Voice.Domain.Tests.Conversations;

public class ConversationAutomaticReplyTests
{
    [Fact]
    public void An_away_notice_is_written_once_per_id_as_the_desk()
    {
        var conversation = Whatsapp();

        var first = conversation.AddAutomaticReply("Estamos cerrados.", "away-2026-11-26", At("2026-11-26 22:00"));
        var again = conversation.AddAutomaticReply("Estamos cerrados.", "away-2026-11-26", At("2026-11-26 22:05"));
        var nextDay = conversation.AddAutomaticReply("Estamos cerrados.", "away-2026-11-27", At("2026-11-27 22:00"));

        Assert.Null(first.Error);
        Assert.False(first.Duplicate);
        Assert.Equal(MessageAuthor.System, first.Message!.Author);
        Assert.True(again.Duplicate);
        Assert.Equal(first.Message.Seq, again.Message!.Seq);
        Assert.False(nextDay.Duplicate);
        Assert.Equal(2, conversation.Messages.Count);
    }

    [Fact]
    public void A_closed_conversation_gets_no_automatic_reply()
    {
        var conversation = Closed();
        var before = conversation.Messages.Count;

        var post = conversation.AddAutomaticReply("Estamos cerrados.", "away-2026-11-26", At("2026-11-26 22:00"));

        Assert.NotNull(post.Error);
        Assert.Equal(before, conversation.Messages.Count);
    }
}
