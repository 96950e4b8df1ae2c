using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Domain.Conversations;
using static CallMyWay.Voice.Domain.Tests.Calendar.DeskTime;
using static CallMyWay.Voice.Domain.Tests.Conversations.SampleConversations;

namespace CallMyWay.Voice.Domain.Tests.Conversations;

public class ConversationStartTests
{
    [Fact]
    public void A_started_web_chat_waits_at_level_1_for_an_agent()
    {
        var conversation = Conversation.Start(CaseChannel.Webchat, Maria, "Facturación", "es", At(StartedAt));

        Assert.Equal(CaseChannel.Webchat, conversation.Channel);
        Assert.Equal(ConversationStatus.Waiting, conversation.Status);
        Assert.Equal(EscalationLevel.Level1, conversation.Level);
        Assert.Equal("María López", conversation.CustomerName);
        Assert.Equal("maria@example.com", conversation.CustomerEmail);
        Assert.Equal("+525512345678", conversation.CustomerPhone);
        Assert.Equal("Facturación", conversation.Topic);
        Assert.Equal("es", conversation.Language);
        Assert.Null(conversation.Assignee);
        Assert.Null(conversation.CaseNumber);
        Equal(StartedAt, conversation.CreatedAt);
        Equal(StartedAt, conversation.UpdatedAt);
        Equal(StartedAt, conversation.WaitingSince!.Value);
        Assert.Null(conversation.LastCustomerMessageAt);
        Assert.Null(conversation.ClosedAt);
        Assert.Empty(conversation.Messages);
        Assert.Equal(0, conversation.Version);
    }

    [Fact]
    public void A_whatsapp_conversation_can_start_without_name_or_email()
    {
        var conversation = Conversation.Start(CaseChannel.Whatsapp, new ConversationCustomer(null, null, "+573001234567"), null, "en", At(StartedAt));

        Assert.Equal(CaseChannel.Whatsapp, conversation.Channel);
        Assert.Null(conversation.CustomerName);
        Assert.Null(conversation.CustomerEmail);
        Assert.Equal("+573001234567", conversation.CustomerPhone);
        Assert.Null(conversation.Topic);
        Assert.Equal("en", conversation.Language);
    }

    [Fact]
    public void Blank_values_are_stored_as_absent_and_the_rest_trimmed()
    {
        var conversation = Conversation.Start(CaseChannel.Webchat, new ConversationCustomer("  Ana Ruiz ", "   ", ""), "  ", " EN ", At(StartedAt));

        Assert.Equal("Ana Ruiz", conversation.CustomerName);
        Assert.Null(conversation.CustomerEmail);
        Assert.Null(conversation.CustomerPhone);
        Assert.Null(conversation.Topic);
        Assert.Equal("en", conversation.Language);
    }

    [Fact]
    public void Each_conversation_gets_its_own_22_character_url_safe_id()
    {
        var ids = Enumerable.Range(0, 200).Select(_ => Webchat().Id).ToList();

        Assert.All(ids, id =>
        {
            Assert.Equal(22, id.Length);
            Assert.All(id, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_', $"'{c}' is not url-safe in {id}"));
        });
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void NewId_is_22_url_safe_characters()
    {
        var id = Conversation.NewId();

        Assert.Matches("^[A-Za-z0-9_-]{22}$", id);
        Assert.NotEqual(id, Conversation.NewId());
    }

    [Theory]
    [InlineData(CaseChannel.Phone)]
    [InlineData(CaseChannel.Click2call)]
    [InlineData(CaseChannel.Email)]
    public void Only_web_chat_and_whatsapp_are_conversations(CaseChannel channel)
    {
        var error = Conversation.ValidateStart(channel, Maria, null, "es");

        Assert.NotNull(error);
        Assert.Equal("case.invalid", error.Code);
        Assert.Equal("A conversation is a web chat or a WhatsApp chat.", error.Message);
        var thrown = Assert.Throws<ArgumentException>(() => Conversation.Start(channel, Maria, null, "es", At(StartedAt)));
        Assert.Equal(error.Message, thrown.Message);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("")]
    [InlineData("es-MX")]
    [InlineData("spanish")]
    public void Only_spanish_and_english_are_spoken(string language)
    {
        var error = Conversation.ValidateStart(CaseChannel.Webchat, Maria, null, language);

        Assert.NotNull(error);
        Assert.Equal("The language must be \"es\" or \"en\".", error.Message);
        Assert.Throws<ArgumentException>(() => Conversation.Start(CaseChannel.Webchat, Maria, null, language, At(StartedAt)));
    }

    [Fact]
    public void A_name_of_up_to_100_characters_is_accepted_and_one_more_is_refused()
    {
        Assert.Equal(100, ChatLimits.MaxNameLength);
        var longest = new ConversationCustomer(new string('a', 100), null, null);
        var tooLong = new ConversationCustomer(new string('a', 101), null, null);

        Assert.Null(Conversation.ValidateStart(CaseChannel.Webchat, longest, null, "es"));
        Assert.Equal(100, Conversation.Start(CaseChannel.Webchat, longest, null, "es", At(StartedAt)).CustomerName!.Length);
        Assert.Equal("The name is longer than 100 characters.", Conversation.ValidateStart(CaseChannel.Webchat, tooLong, null, "es")?.Message);
        Assert.Throws<ArgumentException>(() => Conversation.Start(CaseChannel.Webchat, tooLong, null, "es", At(StartedAt)));
    }

    [Fact]
    public void A_topic_of_up_to_200_characters_is_accepted_and_one_more_is_refused()
    {
        Assert.Equal(200, ChatLimits.MaxTopicLength);

        Assert.Null(Conversation.ValidateStart(CaseChannel.Webchat, Maria, new string('t', 200), "es"));
        Assert.Equal("The topic is longer than 200 characters.", Conversation.ValidateStart(CaseChannel.Webchat, Maria, new string('t', 201), "es")?.Message);
        Assert.Throws<ArgumentException>(() => Conversation.Start(CaseChannel.Webchat, Maria, new string('t', 201), "es", At(StartedAt)));
    }

    [Fact]
    public void Surrounding_spaces_do_not_count_against_the_name_limit()
    {
        var padded = new ConversationCustomer("  " + new string('a', 100) + "  ", null, null);

        Assert.Null(Conversation.ValidateStart(CaseChannel.Webchat, padded, null, "es"));
    }
}
