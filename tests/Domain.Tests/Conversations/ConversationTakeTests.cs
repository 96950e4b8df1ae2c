using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Domain.Conversations;
using static CallMyWay.Voice.Domain.Tests.Calendar.DeskTime;
using static CallMyWay.Voice.Domain.Tests.Conversations.SampleConversations;

namespace CallMyWay.Voice.Domain.Tests.Conversations;

public class ConversationTakeTests
{
    [Fact]
    public void Taking_a_waiting_conversation_makes_it_active_and_says_who_joined()
    {
        var conversation = Webchat();

        var error = conversation.Take(Ana, At("2026-11-26 10:01"));

        Assert.Null(error);
        Assert.Equal(ConversationStatus.Active, conversation.Status);
        Assert.Equal(Ana, conversation.Assignee);
        Assert.Null(conversation.WaitingSince);
        Equal("2026-11-26 10:01", conversation.UpdatedAt);
        Assert.Equal(1, conversation.Version);
        var joined = Assert.Single(conversation.Messages);
        Assert.Equal(MessageAuthor.System, joined.Author);
        Assert.Equal($"{Ana} se unió a la conversación", joined.Text);
        Assert.Null(joined.AuthorName);
        Equal("2026-11-26 10:01", joined.At);
    }

    [Fact]
    public void The_customer_sees_the_agents_display_name_in_their_own_language_never_the_agents_email()
    {
        var conversation = Conversation.Start(CaseChannel.Webchat, Maria, "Billing", "en", At(StartedAt));

        Assert.Null(conversation.Take(Ana, At("2026-11-26 10:01"), "Ana"));

        Assert.Equal("Ana joined", conversation.Messages[^1].Text);
        Assert.DoesNotContain("@", conversation.Messages[^1].Text, StringComparison.Ordinal);
        Assert.Equal(Ana, conversation.Assignee);
    }

    [Fact]
    public void Taking_again_by_the_same_agent_changes_nothing()
    {
        var conversation = TakenByAna();
        var before = ConversationSnapshot.Of(conversation);

        Assert.Null(conversation.Take(Ana, At("2026-11-26 10:05")));
        Assert.Null(conversation.Take(" ANA@callmyway.com ", At("2026-11-26 10:06")));

        Assert.Equal(before, ConversationSnapshot.Of(conversation));
    }

    [Fact]
    public void Another_agent_cannot_take_an_active_conversation()
    {
        var conversation = TakenByAna();
        var before = ConversationSnapshot.Of(conversation);

        var error = conversation.Take(Luis, At("2026-11-26 10:05"));

        Assert.NotNull(error);
        Assert.Equal("conflict", error.Code);
        Assert.Equal($"The conversation is already taken by {Ana}.", error.Message);
        Assert.Equal(before, ConversationSnapshot.Of(conversation));
    }

    [Fact]
    public void A_closed_conversation_cannot_be_taken()
    {
        var conversation = Closed();
        var before = ConversationSnapshot.Of(conversation);

        var error = conversation.Take(Luis, At("2026-11-26 11:00"));

        Assert.NotNull(error);
        Assert.Equal("conversation.illegal-transition", error.Code);
        Assert.Equal("A conversation that is closed cannot be taken.", error.Message);
        Assert.Equal(before, ConversationSnapshot.Of(conversation));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Taking_needs_an_agent(string agent)
    {
        var conversation = Webchat();

        var error = conversation.Take(agent, At("2026-11-26 10:01"));

        Assert.Equal("case.invalid", error?.Code);
        Assert.Equal(ConversationStatus.Waiting, conversation.Status);
    }

    [Fact]
    public void The_assignee_answers_with_their_display_name()
    {
        var conversation = TakenByAna();

        var reply = Posted(conversation.AddAgentMessage(Ana, "Ana Ruiz", Text("Hola María, ¿en qué le ayudo?", "a-1"), At("2026-11-26 10:02")));

        Assert.Equal(2, reply.Seq);
        Assert.Equal(MessageAuthor.Agent, reply.Author);
        Assert.Equal("Ana Ruiz", reply.AuthorName);
        Assert.Equal("a-1", reply.ClientMessageId);
        Assert.Null(conversation.LastCustomerMessageAt);
        Equal("2026-11-26 10:02", conversation.UpdatedAt);
    }

    [Fact]
    public void An_agent_retry_with_the_same_client_message_id_returns_the_stored_message()
    {
        var conversation = TakenByAna();
        var original = Posted(conversation.AddAgentMessage(Ana, "Ana", Text("Hola", "a-1"), At("2026-11-26 10:02")));
        var before = ConversationSnapshot.Of(conversation);

        var retry = conversation.AddAgentMessage(Ana, "Ana", Text("Hola", "a-1"), At("2026-11-26 10:03"));

        Assert.True(retry.Duplicate);
        Assert.Same(original, retry.Message);
        Assert.Equal(before, ConversationSnapshot.Of(conversation));
    }

    [Fact]
    public void An_agent_id_that_the_customer_already_used_is_still_a_new_agent_message()
    {
        var conversation = TakenByAna();
        Posted(conversation.AddCustomerMessage(Text("Hola", "1"), At("2026-11-26 10:02")));

        var reply = Posted(conversation.AddAgentMessage(Ana, "Ana", Text("Hola María", "1"), At("2026-11-26 10:03")));

        Assert.Equal(MessageAuthor.Agent, reply.Author);
    }

    [Fact]
    public void An_agent_cannot_write_before_taking_the_conversation()
    {
        var conversation = Webchat();
        var before = ConversationSnapshot.Of(conversation);

        var error = Refused(conversation.AddAgentMessage(Ana, "Ana", Text("Hola"), At("2026-11-26 10:02")));

        Assert.Equal("conversation.illegal-transition", error.Code);
        Assert.Equal("A conversation that is waiting cannot be answered before an agent takes it.", error.Message);
        Assert.Equal(before, ConversationSnapshot.Of(conversation));
    }

    [Fact]
    public void Only_the_assignee_writes_in_an_active_conversation()
    {
        var conversation = TakenByAna();
        var before = ConversationSnapshot.Of(conversation);

        var error = Refused(conversation.AddAgentMessage(Luis, "Luis", Text("Hola"), At("2026-11-26 10:02")));

        Assert.Equal("conflict", error.Code);
        Assert.Equal($"The conversation is taken by {Ana}; only they can write in it.", error.Message);
        Assert.Equal(before, ConversationSnapshot.Of(conversation));
    }

    [Fact]
    public void An_agent_cannot_write_in_a_closed_conversation()
    {
        var conversation = Closed();

        var error = Refused(conversation.AddAgentMessage(Ana, "Ana", Text("¿Algo más?"), At("2026-11-26 11:00")));

        Assert.Equal("A conversation that is closed cannot be written to.", error.Message);
    }

    [Fact]
    public void Agent_messages_follow_the_same_size_rules()
    {
        var conversation = TakenByAna();

        Posted(conversation.AddAgentMessage(Ana, "Ana", Text(new string('x', 4096)), At("2026-11-26 10:02")));
        var tooLong = Refused(conversation.AddAgentMessage(Ana, "Ana", Text(new string('x', 4097)), At("2026-11-26 10:02")));
        var empty = Refused(conversation.AddAgentMessage(Ana, "Ana", Text("  "), At("2026-11-26 10:02")));

        Assert.Equal("A message is at most 4096 characters.", tooLong.Message);
        Assert.Equal("A message needs text or an attachment.", empty.Message);
        Assert.Equal(2, conversation.Messages.Count);
    }

    [Fact]
    public void An_agent_may_send_an_attachment_alone()
    {
        var conversation = TakenByAna();

        var message = Posted(conversation.AddAgentMessage(Ana, null, new NewChatMessage("", "a-1", null, "att-7", "guia.pdf", "application/pdf", 1024), At("2026-11-26 10:02")));

        Assert.Equal("att-7", message.AttachmentId);
        Assert.Null(message.AuthorName);
    }
}
