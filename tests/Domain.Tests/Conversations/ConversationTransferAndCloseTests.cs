using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Domain.Conversations;
using static CallMyWay.Voice.Domain.Tests.Calendar.DeskTime;
using static CallMyWay.Voice.Domain.Tests.Conversations.SampleConversations;

namespace CallMyWay.Voice.Domain.Tests.Conversations;

public class ConversationTransferAndCloseTests
{
    [Fact]
    public void Transferring_an_active_conversation_puts_it_back_in_the_queue_at_that_level()
    {
        var conversation = TakenByAna();

        var error = conversation.Transfer(EscalationLevel.Level2, Ana, At("2026-11-26 10:10"));

        Assert.Null(error);
        Assert.Equal(ConversationStatus.Waiting, conversation.Status);
        Assert.Equal(EscalationLevel.Level2, conversation.Level);
        Assert.Null(conversation.Assignee);
        Equal("2026-11-26 10:10", conversation.WaitingSince!.Value);
        var note = conversation.Messages[^1];
        Assert.Equal(MessageAuthor.System, note.Author);
        Assert.Equal($"{Ana} transfirió la conversación al nivel 2", note.Text);
        Assert.Equal(2, conversation.Version);
    }

    [Fact]
    public void A_transferred_conversation_is_taken_by_the_next_agent()
    {
        var conversation = TakenByAna();
        Assert.Null(conversation.Transfer(EscalationLevel.Level2, Ana, At("2026-11-26 10:10")));

        Assert.Null(conversation.Take(Luis, At("2026-11-26 10:12")));

        Assert.Equal(Luis, conversation.Assignee);
        Assert.Null(conversation.WaitingSince);
        Refused(conversation.AddAgentMessage(Ana, "Ana", Text("sigo aquí"), At("2026-11-26 10:13")));
        Posted(conversation.AddAgentMessage(Luis, "Luis", Text("Hola, soy Luis"), At("2026-11-26 10:13")));
    }

    [Fact]
    public void A_waiting_conversation_can_be_sent_to_another_level()
    {
        var conversation = Webchat();

        Assert.Null(conversation.Transfer(EscalationLevel.Level3, "supervisor@callmyway.com", At("2026-11-26 10:05")));

        Assert.Equal(EscalationLevel.Level3, conversation.Level);
        Assert.Equal(ConversationStatus.Waiting, conversation.Status);
        Equal("2026-11-26 10:05", conversation.WaitingSince!.Value);
    }

    [Fact]
    public void An_active_conversation_can_go_back_to_its_own_level_queue()
    {
        var conversation = TakenByAna();

        Assert.Null(conversation.Transfer(EscalationLevel.Level1, Ana, At("2026-11-26 10:05")));

        Assert.Equal(ConversationStatus.Waiting, conversation.Status);
        Assert.Null(conversation.Assignee);
    }

    [Fact]
    public void Transferring_a_waiting_conversation_to_its_own_level_is_refused()
    {
        var conversation = Webchat();
        var before = ConversationSnapshot.Of(conversation);

        var error = conversation.Transfer(EscalationLevel.Level1, Ana, At("2026-11-26 10:05"));

        Assert.NotNull(error);
        Assert.Equal("conversation.same-level", error.Code);
        Assert.Equal("The conversation is already waiting at level 1.", error.Message);
        Assert.Equal(before, ConversationSnapshot.Of(conversation));
    }

    [Fact]
    public void A_closed_conversation_cannot_be_transferred()
    {
        var conversation = Closed();
        var before = ConversationSnapshot.Of(conversation);

        var error = conversation.Transfer(EscalationLevel.Level2, Ana, At("2026-11-26 11:00"));

        Assert.Equal("A conversation that is closed cannot be transferred.", error?.Message);
        Assert.Equal(before, ConversationSnapshot.Of(conversation));
    }

    [Fact]
    public void An_unknown_level_is_refused()
    {
        var conversation = TakenByAna();
        var before = ConversationSnapshot.Of(conversation);

        var error = conversation.Transfer((EscalationLevel)4, Ana, At("2026-11-26 10:05"));

        Assert.Equal("case.invalid", error?.Code);
        Assert.Equal(before, ConversationSnapshot.Of(conversation));
    }

    [Fact]
    public void Closing_ends_the_conversation_and_says_who_closed_it()
    {
        var conversation = TakenByAna();

        var error = conversation.Close(Ana, At("2026-11-26 10:30"));

        Assert.Null(error);
        Assert.Equal(ConversationStatus.Closed, conversation.Status);
        Equal("2026-11-26 10:30", conversation.ClosedAt!.Value);
        Equal("2026-11-26 10:30", conversation.UpdatedAt);
        Assert.Equal(Ana, conversation.Assignee);
        Assert.Equal($"{Ana} cerró la conversación", conversation.Messages[^1].Text);
        Assert.Equal(MessageAuthor.System, conversation.Messages[^1].Author);
    }

    [Fact]
    public void A_waiting_conversation_can_be_closed_and_stops_waiting()
    {
        var conversation = Webchat();

        Assert.Null(conversation.Close("customer", At("2026-11-26 10:03")));

        Assert.Equal(ConversationStatus.Closed, conversation.Status);
        Assert.Null(conversation.WaitingSince);
    }

    [Fact]
    public void Closing_a_closed_conversation_is_refused_with_a_clear_error()
    {
        var conversation = Closed();
        var before = ConversationSnapshot.Of(conversation);

        var error = conversation.Close(Luis, At("2026-11-26 11:00"));

        Assert.NotNull(error);
        Assert.Equal("conversation.closed", error.Code);
        Assert.Equal("The conversation is already closed.", error.Message);
        Assert.Equal(before, ConversationSnapshot.Of(conversation));
    }

    [Fact]
    public void Linking_a_case_records_it_with_a_system_message()
    {
        var conversation = TakenByAna();

        Assert.Null(conversation.LinkCase(1042, Ana, At("2026-11-26 10:15")));

        Assert.Equal(1042L, conversation.CaseNumber);
        Assert.Equal($"{Ana} vinculó el caso #1042", conversation.Messages[^1].Text);
        Equal("2026-11-26 10:15", conversation.UpdatedAt);
    }

    [Fact]
    public void Linking_the_same_case_again_changes_nothing()
    {
        var conversation = TakenByAna();
        Assert.Null(conversation.LinkCase(1042, Ana, At("2026-11-26 10:15")));
        var before = ConversationSnapshot.Of(conversation);

        Assert.Null(conversation.LinkCase(1042, Ana, At("2026-11-26 10:16")));

        Assert.Equal(before, ConversationSnapshot.Of(conversation));
    }

    [Fact]
    public void Linking_a_different_case_is_a_conflict()
    {
        var conversation = TakenByAna();
        Assert.Null(conversation.LinkCase(1042, Ana, At("2026-11-26 10:15")));
        var before = ConversationSnapshot.Of(conversation);

        var error = conversation.LinkCase(1043, Ana, At("2026-11-26 10:16"));

        Assert.Equal("conflict", error?.Code);
        Assert.Equal("The conversation is already linked to case #1042.", error?.Message);
        Assert.Equal(before, ConversationSnapshot.Of(conversation));
    }

    [Fact]
    public void A_case_can_be_opened_from_a_closed_conversation()
    {
        var conversation = Closed();

        Assert.Null(conversation.LinkCase(1042, Ana, At("2026-11-26 11:00")));

        Assert.Equal(1042L, conversation.CaseNumber);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-5L)]
    [InlineData(1_000_000_000_000L)]
    public void A_case_number_outside_1_to_12_digits_is_refused(long number)
    {
        var conversation = TakenByAna();

        var error = conversation.LinkCase(number, Ana, At("2026-11-26 10:15"));

        Assert.Equal("case.invalid", error?.Code);
        Assert.Null(conversation.CaseNumber);
    }
}
