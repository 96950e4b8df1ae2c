using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Domain.Conversations;
using static CallMyWay.Voice.Domain.Tests.Calendar.DeskTime;
using static CallMyWay.Voice.Domain.Tests.Conversations.SampleConversations;

namespace CallMyWay.Voice.Domain.Tests.Conversations;

public class ConversationTranscriptTests
{
    private static readonly TimeZoneInfo Desk = TimeZoneInfo.CreateCustomTimeZone("Desk", TimeSpan.FromHours(-6), "Desk", "Desk");
    private static readonly TimeZoneInfo Madrid = TimeZoneInfo.CreateCustomTimeZone("Madrid", TimeSpan.FromHours(1), "Madrid", "Madrid");

    [Fact]
    public void Each_message_is_one_line_with_local_time_author_and_text()
    {
        var conversation = Webchat();
        Posted(conversation.AddCustomerMessage(Text("Hola, no tengo tono"), At("2026-11-26 10:00")));
        Assert.Null(conversation.Take(Ana, At("2026-11-26 10:01")));
        Posted(conversation.AddAgentMessage(Ana, "Ana Ruiz", Text("Hola María, lo reviso"), At("2026-11-26 10:02")));
        Assert.Null(conversation.Close(Ana, At("2026-11-26 10:30")));

        var transcript = ConversationTranscript.Render(conversation, Desk);

        Assert.Equal(
            "[2026-11-26 10:00] María López: Hola, no tengo tono\n" +
            "[2026-11-26 10:01] System: ana@callmyway.com se unió a la conversación\n" +
            "[2026-11-26 10:02] Ana Ruiz: Hola María, lo reviso\n" +
            "[2026-11-26 10:30] System: ana@callmyway.com cerró la conversación\n",
            transcript);
    }

    [Fact]
    public void Times_are_shown_in_the_given_time_zone()
    {
        var conversation = Webchat();
        Posted(conversation.AddCustomerMessage(Text("Hola"), At("2026-11-26 18:30")));

        Assert.Equal("[2026-11-27 01:30] María López: Hola\n", ConversationTranscript.Render(conversation, Madrid));
        Assert.Equal("[2026-11-27 00:30] María López: Hola\n", ConversationTranscript.Render(conversation, TimeZoneInfo.Utc));
    }

    [Fact]
    public void Attachments_are_described_after_the_text()
    {
        var conversation = Webchat();
        Posted(conversation.AddCustomerMessage(new NewChatMessage("Adjunto la factura", null, null, "att-1", "factura.pdf", "application/pdf", 52_431), At("2026-11-26 10:00")));
        Posted(conversation.AddCustomerMessage(new NewChatMessage("", null, null, "att-2", "captura.png", "image/png", 2_621_440), At("2026-11-26 10:01")));
        Posted(conversation.AddCustomerMessage(new NewChatMessage("", null, null, "att-3", "nota.txt", "text/plain", 300), At("2026-11-26 10:02")));

        Assert.Equal(
            "[2026-11-26 10:00] María López: Adjunto la factura (attachment: factura.pdf, application/pdf, 51.2 KB)\n" +
            "[2026-11-26 10:01] María López: (attachment: captura.png, image/png, 2.5 MB)\n" +
            "[2026-11-26 10:02] María López: (attachment: nota.txt, text/plain, 300 B)\n",
            ConversationTranscript.Render(conversation, Desk));
    }

    [Fact]
    public void An_attachment_without_details_is_still_mentioned()
    {
        var conversation = Whatsapp();
        Posted(conversation.AddCustomerMessage(new NewChatMessage("", ExternalId: "wamid.1", AttachmentId: "media-1"), At("2026-11-26 10:00")));

        Assert.Equal("[2026-11-26 10:00] María: (attachment: unnamed)\n", ConversationTranscript.Render(conversation, Desk));
    }

    [Fact]
    public void A_message_with_line_breaks_stays_on_one_line()
    {
        var conversation = Webchat();
        Posted(conversation.AddCustomerMessage(Text("Línea uno\r\nLínea dos\n\nLínea tres"), At("2026-11-26 10:00")));

        Assert.Equal("[2026-11-26 10:00] María López: Línea uno Línea dos Línea tres\n", ConversationTranscript.Render(conversation, Desk));
    }

    [Fact]
    public void Nameless_authors_get_a_role_name()
    {
        var conversation = Conversation.Start(CaseChannel.Webchat, new ConversationCustomer(null, null, null), null, "en", At(StartedAt));
        Posted(conversation.AddCustomerMessage(Text("Hi"), At("2026-11-26 10:00")));
        Assert.Null(conversation.Take(Ana, At("2026-11-26 10:01")));
        Posted(conversation.AddAgentMessage(Ana, null, Text("Hello"), At("2026-11-26 10:02")));

        Assert.Equal(
            "[2026-11-26 10:00] Customer: Hi\n" +
            "[2026-11-26 10:01] System: ana@callmyway.com joined\n" +
            "[2026-11-26 10:02] Agent: Hello\n",
            ConversationTranscript.Render(conversation, Desk));
    }

    [Fact]
    public void A_whatsapp_customer_without_a_name_is_shown_by_phone()
    {
        var conversation = Conversation.Start(CaseChannel.Whatsapp, new ConversationCustomer(null, null, "+525512345678"), null, "es", At(StartedAt));
        Posted(conversation.AddCustomerMessage(Text("Hola", externalId: "wamid.1"), At("2026-11-26 10:00")));

        Assert.Equal("[2026-11-26 10:00] +525512345678: Hola\n", ConversationTranscript.Render(conversation, Desk));
    }

    [Fact]
    public void An_empty_conversation_has_an_empty_transcript() =>
        Assert.Equal(string.Empty, ConversationTranscript.Render(Webchat(), Desk));

    [Fact]
    public void Messages_loaded_out_of_order_are_listed_by_seq()
    {
        var conversation = Webchat();
        Posted(conversation.AddCustomerMessage(Text("uno"), At("2026-11-26 10:00")));
        Posted(conversation.AddCustomerMessage(Text("dos"), At("2026-11-26 10:01")));
        Posted(conversation.AddCustomerMessage(Text("tres"), At("2026-11-26 10:02")));

        // The store may materialise the collection in any order.
        var field = typeof(Conversation).GetField("_messages", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;
        ((List<ChatMessage>)field.GetValue(conversation)!).Reverse();

        Assert.Equal([1, 2, 3], conversation.Messages.Select(m => m.Seq));
        Assert.Equal(4, Posted(conversation.AddCustomerMessage(Text("cuatro"), At("2026-11-26 10:03"))).Seq);
        Assert.StartsWith("[2026-11-26 10:00] María López: uno\n", ConversationTranscript.Render(conversation, Desk), StringComparison.Ordinal);
    }
}
