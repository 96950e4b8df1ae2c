using CallMyWay.Voice.Domain.Conversations;
using static CallMyWay.Voice.Domain.Tests.Calendar.DeskTime;
using static CallMyWay.Voice.Domain.Tests.Conversations.SampleConversations;

namespace CallMyWay.Voice.Domain.Tests.Conversations;

public class ConversationCustomerMessageTests
{
    [Fact]
    public void A_customer_message_is_numbered_and_signed_with_the_customer_name()
    {
        var conversation = Webchat();

        var first = Posted(conversation.AddCustomerMessage(Text("Hola, no tengo tono", "c-1"), At("2026-11-26 10:00")));
        var second = Posted(conversation.AddCustomerMessage(Text("¿Alguien?", "c-2"), At("2026-11-26 10:02")));

        Assert.Equal(1, first.Seq);
        Assert.Equal(2, second.Seq);
        Assert.Equal(MessageAuthor.Customer, first.Author);
        Assert.Equal("María López", first.AuthorName);
        Assert.Equal("Hola, no tengo tono", first.Text);
        Assert.Equal("c-1", first.ClientMessageId);
        Equal("2026-11-26 10:00", first.At);
        Assert.Null(first.Delivery);
        Assert.Equal([first, second], conversation.Messages);
        Equal("2026-11-26 10:02", conversation.UpdatedAt);
        Equal("2026-11-26 10:02", conversation.LastCustomerMessageAt!.Value);
        Assert.Equal(2, conversation.Version);
    }

    [Fact]
    public void A_customer_may_write_while_waiting_and_while_active()
    {
        var waiting = Webchat();
        var active = TakenByAna();

        Posted(waiting.AddCustomerMessage(Text("hola"), At("2026-11-26 10:05")));
        Posted(active.AddCustomerMessage(Text("hola"), At("2026-11-26 10:05")));

        Assert.Equal(ConversationStatus.Waiting, waiting.Status);
        Assert.Equal(ConversationStatus.Active, active.Status);
    }

    [Fact]
    public void Text_is_stored_trimmed()
    {
        var conversation = Webchat();

        var message = Posted(conversation.AddCustomerMessage(Text("  hola \n"), At("2026-11-26 10:05")));

        Assert.Equal("hola", message.Text);
    }

    [Fact]
    public void A_retry_with_the_same_client_message_id_returns_the_stored_message()
    {
        var conversation = Webchat();
        var original = Posted(conversation.AddCustomerMessage(Text("hola", "c-1"), At("2026-11-26 10:05")));
        var before = ConversationSnapshot.Of(conversation);

        // After a reconnect the widget resends; the text may even differ if it was edited meanwhile.
        var retry = conversation.AddCustomerMessage(Text("hola!", "c-1"), At("2026-11-26 10:07"));

        Assert.True(retry.Duplicate);
        Assert.Null(retry.Error);
        Assert.Same(original, retry.Message);
        Assert.Equal(before, ConversationSnapshot.Of(conversation));
        Equal("2026-11-26 10:05", conversation.LastCustomerMessageAt!.Value);
    }

    [Fact]
    public void A_redelivered_whatsapp_message_with_the_same_wamid_is_a_duplicate()
    {
        var conversation = Whatsapp();
        var original = Posted(conversation.AddCustomerMessage(Text("hola", externalId: "wamid.HBgLNTIx"), At("2026-11-26 10:05")));

        var again = conversation.AddCustomerMessage(Text("hola", externalId: "wamid.HBgLNTIx"), At("2026-11-26 10:06"));

        Assert.True(again.Duplicate);
        Assert.Same(original, again.Message);
        Assert.Single(conversation.Messages);
    }

    [Fact]
    public void A_retry_of_a_stored_message_is_answered_even_after_the_conversation_closed()
    {
        var conversation = TakenByAna();
        var original = Posted(conversation.AddCustomerMessage(Text("gracias", "c-9"), At("2026-11-26 10:20")));
        Assert.Null(conversation.Close(Ana, At("2026-11-26 10:21")));

        var retry = conversation.AddCustomerMessage(Text("gracias", "c-9"), At("2026-11-26 10:22"));

        Assert.True(retry.Duplicate);
        Assert.Same(original, retry.Message);
    }

    [Fact]
    public void Different_client_message_ids_are_different_messages()
    {
        var conversation = Webchat();

        Posted(conversation.AddCustomerMessage(Text("hola", "c-1"), At("2026-11-26 10:05")));
        Posted(conversation.AddCustomerMessage(Text("hola", "c-2"), At("2026-11-26 10:05")));
        Posted(conversation.AddCustomerMessage(Text("hola"), At("2026-11-26 10:05")));
        Posted(conversation.AddCustomerMessage(Text("hola"), At("2026-11-26 10:05")));

        Assert.Equal([1, 2, 3, 4], conversation.Messages.Select(m => m.Seq));
    }

    [Fact]
    public void Client_message_ids_are_compared_exactly()
    {
        var conversation = Webchat();

        Posted(conversation.AddCustomerMessage(Text("hola", "abc"), At("2026-11-26 10:05")));
        Posted(conversation.AddCustomerMessage(Text("hola", "ABC"), At("2026-11-26 10:05")));

        Assert.Equal(2, conversation.Messages.Count);
    }

    [Fact]
    public void A_customer_id_that_an_agent_already_used_is_still_a_new_customer_message()
    {
        var conversation = TakenByAna();
        var agents = Posted(conversation.AddAgentMessage(Ana, "Ana", Text("Hola María", "1"), At("2026-11-26 10:02")));

        var customers = conversation.AddCustomerMessage(Text("Hola Ana", "1"), At("2026-11-26 10:03"));

        Assert.False(customers.Duplicate);
        Assert.NotSame(agents, customers.Message);
        Assert.Equal(MessageAuthor.Customer, customers.Message!.Author);
    }

    [Fact]
    public void An_attachment_alone_is_a_message()
    {
        var conversation = Webchat();

        var message = Posted(conversation.AddCustomerMessage(
            new NewChatMessage(" ", "c-1", null, "att-1", "factura.pdf", "application/pdf", 52_431),
            At("2026-11-26 10:05")));

        Assert.Equal(string.Empty, message.Text);
        Assert.True(message.HasAttachment);
        Assert.Equal("att-1", message.AttachmentId);
        Assert.Equal("factura.pdf", message.AttachmentName);
        Assert.Equal("application/pdf", message.AttachmentType);
        Assert.Equal(52_431, message.AttachmentSize);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\t")]
    public void Empty_text_without_an_attachment_is_refused(string text)
    {
        var conversation = Webchat();
        var before = ConversationSnapshot.Of(conversation);

        var error = Refused(conversation.AddCustomerMessage(Text(text, "c-1"), At("2026-11-26 10:05")));

        Assert.Equal("case.invalid", error.Code);
        Assert.Equal("A message needs text or an attachment.", error.Message);
        Assert.Equal(before, ConversationSnapshot.Of(conversation));
    }

    [Fact]
    public void Text_of_4096_characters_is_accepted_and_4097_refused()
    {
        Assert.Equal(4096, ChatLimits.MaxTextLength);
        var conversation = Webchat();

        Posted(conversation.AddCustomerMessage(Text(new string('x', 4096)), At("2026-11-26 10:05")));
        var before = ConversationSnapshot.Of(conversation);
        var error = Refused(conversation.AddCustomerMessage(Text(new string('x', 4097)), At("2026-11-26 10:06")));

        Assert.Equal("A message is at most 4096 characters.", error.Message);
        Assert.Equal(before, ConversationSnapshot.Of(conversation));
    }

    [Fact]
    public void An_overlong_text_with_an_attachment_is_still_refused()
    {
        var conversation = Webchat();

        Refused(conversation.AddCustomerMessage(
            new NewChatMessage(new string('x', 4097), AttachmentId: "att-1", AttachmentName: "a.png", AttachmentType: "image/png", AttachmentSize: 10),
            At("2026-11-26 10:05")));

        Assert.Empty(conversation.Messages);
    }

    [Fact]
    public void An_overlong_client_message_id_is_refused()
    {
        var conversation = Webchat();

        Posted(conversation.AddCustomerMessage(Text("ok", new string('i', ChatLimits.MaxIdLength)), At("2026-11-26 10:05")));
        var error = Refused(conversation.AddCustomerMessage(Text("ok", new string('j', ChatLimits.MaxIdLength + 1)), At("2026-11-26 10:05")));

        Assert.Equal("A message id is at most 128 characters.", error.Message);
    }

    [Fact]
    public void A_negative_attachment_size_is_refused()
    {
        var conversation = Webchat();

        var error = Refused(conversation.AddCustomerMessage(new NewChatMessage("", AttachmentId: "att-1", AttachmentSize: -1), At("2026-11-26 10:05")));

        Assert.Equal("An attachment's size cannot be negative.", error.Message);
    }

    [Fact]
    public void A_closed_conversation_takes_no_more_customer_messages()
    {
        var conversation = Closed();
        var before = ConversationSnapshot.Of(conversation);

        var error = Refused(conversation.AddCustomerMessage(Text("¿sigue ahí?", "c-1"), At("2026-11-26 11:00")));

        Assert.Equal("conversation.illegal-transition", error.Code);
        Assert.Equal("A conversation that is closed cannot be written to.", error.Message);
        Assert.Equal(before, ConversationSnapshot.Of(conversation));
    }

    [Fact]
    public void A_late_webhook_for_an_older_message_does_not_move_the_last_customer_message_back()
    {
        var conversation = Whatsapp();
        Posted(conversation.AddCustomerMessage(Text("second", externalId: "wamid.2"), At("2026-11-26 10:10")));

        Posted(conversation.AddCustomerMessage(Text("first", externalId: "wamid.1"), At("2026-11-26 10:05")));

        Equal("2026-11-26 10:10", conversation.LastCustomerMessageAt!.Value);
    }
}
