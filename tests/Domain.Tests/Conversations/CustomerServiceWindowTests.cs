using CallMyWay.Voice.Domain.Conversations;
using static CallMyWay.Voice.Domain.Tests.Calendar.DeskTime;
using static CallMyWay.Voice.Domain.Tests.Conversations.SampleConversations;

namespace CallMyWay.Voice.Domain.Tests.Conversations;

/// <summary>WhatsApp allows free-form replies for 24 hours after the customer's last message.</summary>
public class CustomerServiceWindowTests
{
    [Fact]
    public void The_window_closes_24_hours_after_the_last_customer_message()
    {
        var conversation = Whatsapp();
        Posted(conversation.AddCustomerMessage(Text("Hola", externalId: "wamid.1"), At("2026-11-26 10:05")));

        Equal("2026-11-27 10:05", conversation.CustomerServiceWindowClosesAt!.Value);
    }

    [Theory]
    [InlineData("2026-11-26 10:05:00", true)]
    [InlineData("2026-11-27 10:04:59", true)]
    [InlineData("2026-11-27 10:05:00", false)]
    [InlineData("2026-11-27 10:05:01", false)]
    [InlineData("2026-12-01 00:00:00", false)]
    public void The_window_is_open_until_exactly_24_hours_have_passed(string now, bool open)
    {
        var conversation = Whatsapp();
        Posted(conversation.AddCustomerMessage(Text("Hola", externalId: "wamid.1"), At("2026-11-26 10:05")));

        Assert.Equal(open, conversation.CustomerServiceWindowOpen(At(now)));
    }

    [Fact]
    public void The_edge_is_an_instant_whatever_the_offset_it_is_written_in()
    {
        var conversation = Whatsapp();
        Posted(conversation.AddCustomerMessage(Text("Hola", externalId: "wamid.1"), At("2026-11-26 10:05")));

        // 10:05 at GMT-6 is 16:05 UTC.
        Assert.True(conversation.CustomerServiceWindowOpen(Iso("2026-11-27T16:04:59Z")));
        Assert.False(conversation.CustomerServiceWindowOpen(Iso("2026-11-27T16:05:00Z")));
    }

    [Fact]
    public void A_new_customer_message_reopens_the_window()
    {
        var conversation = Whatsapp();
        Posted(conversation.AddCustomerMessage(Text("Hola", externalId: "wamid.1"), At("2026-11-26 10:05")));
        Assert.False(conversation.CustomerServiceWindowOpen(At("2026-11-28 09:00")));

        Posted(conversation.AddCustomerMessage(Text("¿Siguen ahí?", externalId: "wamid.2"), At("2026-11-28 08:30")));

        Assert.True(conversation.CustomerServiceWindowOpen(At("2026-11-28 09:00")));
        Equal("2026-11-29 08:30", conversation.CustomerServiceWindowClosesAt!.Value);
    }

    [Fact]
    public void Agent_messages_do_not_extend_the_window()
    {
        var conversation = Whatsapp();
        Posted(conversation.AddCustomerMessage(Text("Hola", externalId: "wamid.1"), At("2026-11-26 10:05")));
        Assert.Null(conversation.Take(Ana, At("2026-11-26 10:06")));

        Posted(conversation.AddAgentMessage(Ana, "Ana", Text("Le escribo mañana"), At("2026-11-27 10:00")));

        Equal("2026-11-27 10:05", conversation.CustomerServiceWindowClosesAt!.Value);
    }

    [Fact]
    public void Before_the_customer_writes_the_window_is_closed()
    {
        var conversation = Whatsapp();

        Assert.Null(conversation.CustomerServiceWindowClosesAt);
        Assert.False(conversation.CustomerServiceWindowOpen(At(StartedAt)));
    }

    [Fact]
    public void A_web_chat_has_no_window_and_is_always_open()
    {
        var conversation = Webchat();
        Posted(conversation.AddCustomerMessage(Text("Hola"), At("2026-11-26 10:05")));

        Assert.Null(conversation.CustomerServiceWindowClosesAt);
        Assert.True(conversation.CustomerServiceWindowOpen(At("2026-12-26 10:05")));
    }
}
