using CallMyWay.Voice.Domain.Conversations;
using static CallMyWay.Voice.Domain.Tests.Calendar.DeskTime;
using static CallMyWay.Voice.Domain.Tests.Conversations.SampleConversations;

namespace CallMyWay.Voice.Domain.Tests.Conversations;

public class ConversationDeliveryTests
{
    private const string Wamid = "wamid.HBgLNTIxNTUxMjM0NTY3OBUCABEYEjQ1";

    [Fact]
    public void The_channel_id_of_a_sent_message_is_recorded_by_seq()
    {
        var (conversation, reply) = WhatsappReply();
        var version = conversation.Version;

        conversation.SetExternalId(reply.Seq, Wamid);

        Assert.Equal(Wamid, reply.ExternalId);
        Assert.Equal(version + 1, conversation.Version);
    }

    [Fact]
    public void Recording_the_same_channel_id_twice_changes_nothing()
    {
        var (conversation, reply) = WhatsappReply();
        conversation.SetExternalId(reply.Seq, Wamid);
        var before = ConversationSnapshot.Of(conversation);

        conversation.SetExternalId(reply.Seq, Wamid);

        Assert.Equal(before, ConversationSnapshot.Of(conversation));
    }

    [Fact]
    public void A_message_keeps_its_first_channel_id()
    {
        var (conversation, reply) = WhatsappReply();
        conversation.SetExternalId(reply.Seq, Wamid);

        Assert.Throws<InvalidOperationException>(() => conversation.SetExternalId(reply.Seq, "wamid.other"));
        Assert.Equal(Wamid, reply.ExternalId);
    }

    [Fact]
    public void Two_messages_cannot_share_a_channel_id()
    {
        var (conversation, reply) = WhatsappReply();
        conversation.SetExternalId(reply.Seq, Wamid);
        var second = Posted(conversation.AddAgentMessage(Ana, "Ana", Text("¿Algo más?"), At("2026-11-26 10:04")));

        Assert.Throws<InvalidOperationException>(() => conversation.SetExternalId(second.Seq, Wamid));
        Assert.Null(second.ExternalId);
    }

    [Fact]
    public void An_unknown_seq_is_a_bug()
    {
        var (conversation, _) = WhatsappReply();

        Assert.Throws<ArgumentOutOfRangeException>(() => conversation.SetExternalId(99, Wamid));
    }

    [Fact]
    public void Statuses_move_a_message_forward_from_sent_to_read()
    {
        var (conversation, reply) = SentWhatsappReply();

        Assert.True(conversation.MarkDelivery(Wamid, MessageDelivery.Sent, null));
        Assert.Equal(MessageDelivery.Sent, reply.Delivery);
        Assert.True(conversation.MarkDelivery(Wamid, MessageDelivery.Delivered, null));
        Assert.Equal(MessageDelivery.Delivered, reply.Delivery);
        Assert.True(conversation.MarkDelivery(Wamid, MessageDelivery.Read, null));
        Assert.Equal(MessageDelivery.Read, reply.Delivery);
        Assert.Null(reply.DeliveryError);
    }

    [Fact]
    public void A_status_may_skip_steps()
    {
        var (conversation, reply) = SentWhatsappReply();

        Assert.True(conversation.MarkDelivery(Wamid, MessageDelivery.Read, null));

        Assert.Equal(MessageDelivery.Read, reply.Delivery);
    }

    [Theory]
    [InlineData(MessageDelivery.Read, MessageDelivery.Delivered)]
    [InlineData(MessageDelivery.Read, MessageDelivery.Sent)]
    [InlineData(MessageDelivery.Delivered, MessageDelivery.Sent)]
    [InlineData(MessageDelivery.Delivered, MessageDelivery.Delivered)]
    [InlineData(MessageDelivery.Read, MessageDelivery.Failed)]
    [InlineData(MessageDelivery.Delivered, MessageDelivery.Failed)]
    [InlineData(MessageDelivery.Failed, MessageDelivery.Sent)]
    [InlineData(MessageDelivery.Failed, MessageDelivery.Read)]
    [InlineData(MessageDelivery.Failed, MessageDelivery.Failed)]
    public void A_late_status_never_moves_a_message_backwards(MessageDelivery current, MessageDelivery late)
    {
        var (conversation, reply) = SentWhatsappReply();
        Assert.True(conversation.MarkDelivery(Wamid, current, current == MessageDelivery.Failed ? "131047" : null));
        var before = ConversationSnapshot.Of(conversation);

        Assert.False(conversation.MarkDelivery(Wamid, late, "late"));

        Assert.Equal(current, reply.Delivery);
        Assert.Equal(before, ConversationSnapshot.Of(conversation));
    }

    [Fact]
    public void A_failure_before_delivery_keeps_the_channel_error()
    {
        var (conversation, reply) = SentWhatsappReply();
        Assert.True(conversation.MarkDelivery(Wamid, MessageDelivery.Sent, null));

        Assert.True(conversation.MarkDelivery(Wamid, MessageDelivery.Failed, "131047: Re-engagement message"));

        Assert.Equal(MessageDelivery.Failed, reply.Delivery);
        Assert.Equal("131047: Re-engagement message", reply.DeliveryError);
    }

    [Fact]
    public void An_error_given_with_a_success_status_is_not_kept()
    {
        var (conversation, reply) = SentWhatsappReply();

        Assert.True(conversation.MarkDelivery(Wamid, MessageDelivery.Delivered, "noise"));

        Assert.Null(reply.DeliveryError);
    }

    [Fact]
    public void A_status_for_an_unknown_message_changes_nothing()
    {
        var (conversation, _) = SentWhatsappReply();
        var before = ConversationSnapshot.Of(conversation);

        Assert.False(conversation.MarkDelivery("wamid.unknown", MessageDelivery.Read, null));
        Assert.False(conversation.MarkDelivery(" ", MessageDelivery.Read, null));

        Assert.Equal(before, ConversationSnapshot.Of(conversation));
    }

    [Fact]
    public void A_delivery_change_bumps_the_version()
    {
        var (conversation, _) = SentWhatsappReply();
        var version = conversation.Version;

        Assert.True(conversation.MarkDelivery(Wamid, MessageDelivery.Delivered, null));

        Assert.Equal(version + 1, conversation.Version);
    }

    private static (Conversation Conversation, ChatMessage Reply) WhatsappReply()
    {
        var conversation = Whatsapp();
        Posted(conversation.AddCustomerMessage(Text("Hola", externalId: "wamid.in-1"), At("2026-11-26 10:00")));
        Assert.Null(conversation.Take(Ana, At("2026-11-26 10:01")));
        var reply = Posted(conversation.AddAgentMessage(Ana, "Ana", Text("Hola María", "a-1"), At("2026-11-26 10:02")));
        Assert.Null(reply.ExternalId);
        Assert.Null(reply.Delivery);
        return (conversation, reply);
    }

    private static (Conversation Conversation, ChatMessage Reply) SentWhatsappReply()
    {
        var (conversation, reply) = WhatsappReply();
        conversation.SetExternalId(reply.Seq, Wamid);
        return (conversation, reply);
    }
}
