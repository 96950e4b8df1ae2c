using System.Text;
using CallMyWay.Voice.Web.WhatsApp;

namespace CallMyWay.Voice.Web.Tests.WhatsApp;

public sealed class WebhookPayloadReaderTests
{
    private static readonly DateTimeOffset ReceivedAt = new(2026, 3, 4, 15, 30, 0, TimeSpan.Zero);

    private static WebhookReadResult ReadFile(string name)
    {
        var result = WebhookPayloadReader.Read(WebhookPayloads.Load(name), ReceivedAt);
        Assert.True(result.IsValid, result.Error);
        return result;
    }

    [Fact]
    public void Text_message_carries_sender_profile_body_time_and_business_number()
    {
        var result = ReadFile("text.json");

        var message = Assert.Single(result.Messages);
        Assert.Equal("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=", message.MessageId);
        Assert.Equal("16505551234", message.From);
        Assert.Equal("Sheena Nelson", message.ProfileName);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1739321024), message.Timestamp);
        Assert.Equal("text", message.Type);
        Assert.Equal("Does it come in another color?", message.Text);
        Assert.Null(message.Media);
        Assert.Null(message.ContextMessageId);
        Assert.Equal("106540352242922", message.BusinessPhoneNumberId);
        Assert.Equal("15550783881", message.BusinessDisplayNumber);
        Assert.Empty(result.Statuses);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Image_with_caption_gives_the_caption_as_text_and_the_media_asset()
    {
        var message = Assert.Single(ReadFile("image.json").Messages);

        Assert.Equal("image", message.Type);
        Assert.Equal("This is the router, the light is red", message.Text);
        Assert.Equal(new WhatsAppMedia("1003383421387256", "image/jpeg", null, "SfInY3MLY/7Xzm/TUWNPsbDqYTqXbOAVt3WbSxkv0Ts="), message.Media);
    }

    [Fact]
    public void Document_keeps_its_file_name_and_has_empty_text_without_caption()
    {
        var message = Assert.Single(ReadFile("document.json").Messages);

        Assert.Equal("document", message.Type);
        Assert.Equal("", message.Text);
        Assert.Equal(new WhatsAppMedia("1062093512599398", "application/pdf", "lucky-shrub-invoice.pdf", "a5auRphs4M7S53IpTQst3bdf+UaTzoWvFrDfh08Aj3g="), message.Media);
    }

    [Fact]
    public void Reaction_is_described_and_points_at_the_message_reacted_to()
    {
        var message = Assert.Single(ReadFile("reaction.json").Messages);

        Assert.Equal("reaction", message.Type);
        Assert.Equal("[Reaction \U0001F44D]", message.Text);
        Assert.Equal("wamid.HBgLMTQxMjU1NTA4MjkVAgASGBQzQUNCNjk5RDUwNUZGMUZEM0VBRAA=", message.ContextMessageId);
    }

    [Fact]
    public void Reaction_without_emoji_is_a_removed_reaction()
    {
        var message = Assert.Single(ReadFile("reaction-removed.json").Messages);

        Assert.Equal("[Reaction removed]", message.Text);
        Assert.Equal("wamid.HBgLMTQxMjU1NTA4MjkVAgASGBQzQUNCNjk5RDUwNUZGMUZEM0VBRAA=", message.ContextMessageId);
    }

    [Fact]
    public void Unsupported_message_is_described_with_its_kind_and_metas_error()
    {
        var message = Assert.Single(ReadFile("unsupported.json").Messages);

        Assert.Equal("unsupported", message.Type);
        Assert.Equal("[Unsupported message (poll_update): 131051 Message type unknown: Message type is currently not supported.]", message.Text);
        Assert.Null(message.Media);
    }

    [Fact]
    public void Location_is_described_with_place_and_coordinates()
    {
        var message = Assert.Single(ReadFile("location.json").Messages);

        Assert.Equal("location", message.Type);
        Assert.Equal("[Location: Philz Coffee, 101 Forest Ave, Palo Alto, CA 94301 (37.442163, -122.161536)]", message.Text);
    }

    [Fact]
    public void List_reply_gives_the_row_title_and_description_and_its_context()
    {
        var message = Assert.Single(ReadFile("interactive.json").Messages);

        Assert.Equal("interactive", message.Type);
        Assert.Equal("Priority Mail Express — Next Day to 2 Days", message.Text);
        Assert.Equal("wamid.HBgLMTQxMjU1NTA4MjkVAgASGBQzQUNCNjk5RDUwNUZGMUZEM0VBRAA=", message.ContextMessageId);
    }

    [Fact]
    public void Unknown_message_type_becomes_a_described_message_not_an_exception()
    {
        var message = Assert.Single(ReadFile("unknown-type.json").Messages);

        Assert.Equal("hologram", message.Type);
        Assert.Equal("[Message of type \"hologram\" this desk does not read]", message.Text);
        Assert.Equal("Sheena Nelson", message.ProfileName);
    }

    [Fact]
    public void Sent_delivered_and_read_statuses_are_read_in_order()
    {
        var result = ReadFile("statuses.json");

        Assert.Empty(result.Messages);
        Assert.Collection(
            result.Statuses,
            s => Assert.Equal((WhatsAppMessageStatus.Sent, 1750263773L), (s.Status, s.Timestamp.ToUnixTimeSeconds())),
            s => Assert.Equal((WhatsAppMessageStatus.Delivered, 1750263774L), (s.Status, s.Timestamp.ToUnixTimeSeconds())),
            s => Assert.Equal((WhatsAppMessageStatus.Read, 1750263779L), (s.Status, s.Timestamp.ToUnixTimeSeconds())));
        Assert.All(result.Statuses, s =>
        {
            Assert.Equal("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3NTQ2MjRDOTU4MjM3OTAxNjQA", s.MessageId);
            Assert.Equal("16505551234", s.RecipientId);
            Assert.Null(s.Error);
            Assert.Null(s.ErrorText);
        });
    }

    [Fact]
    public void Failed_status_carries_metas_error_and_flags_the_closed_service_window()
    {
        var status = Assert.Single(ReadFile("status-failed.json").Statuses);

        Assert.Equal(WhatsAppMessageStatus.Failed, status.Status);
        Assert.Equal(WhatsAppErrorCodes.ReEngagementMessage, status.Error?.Code);
        Assert.Equal(
            "131047 Re-engagement message: Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
            status.ErrorText);
        Assert.True(status.OutsideCustomerServiceWindow);
    }

    [Fact]
    public void Multiple_entries_and_changes_are_all_read_and_other_fields_ignored()
    {
        var result = ReadFile("multiple-entries.json");

        Assert.Collection(
            result.Messages,
            m =>
            {
                Assert.Equal("5215512345678", m.From);
                Assert.Equal("Luis Ramírez", m.ProfileName);
                Assert.Equal("Hola, mi línea no tiene tono", m.Text);
                Assert.Null(m.ContextMessageId);
            },
            m =>
            {
                Assert.Equal("16505551234", m.From);
                Assert.Equal("Sheena Nelson", m.ProfileName);
                Assert.Equal("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3NTQ2MjRDOTU4MjM3OTAxNjQA", m.ContextMessageId);
                Assert.Equal("106540352242922", m.BusinessPhoneNumberId);
            });
        var status = Assert.Single(result.Statuses);
        Assert.Equal(WhatsAppMessageStatus.Delivered, status.Status);
        var error = Assert.Single(result.Errors);
        Assert.Equal(WhatsAppErrorCodes.RateLimitHit, error.Code);
        Assert.Equal("Rate limit hit", error.Title);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{\"object\":\"whatsapp_business_account\",\"entry\":[")]
    [InlineData("not json")]
    public void Malformed_json_is_a_clear_failure(string body)
    {
        var result = WebhookPayloadReader.Read(Encoding.UTF8.GetBytes(body), ReceivedAt);

        Assert.False(result.IsValid);
        Assert.StartsWith("The body is not valid JSON", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Messages);
    }

    [Theory]
    [InlineData("[]", "The body is not a JSON object.")]
    [InlineData("null", "The body is not a JSON object.")]
    [InlineData("{}", "The body has no \"object\"; a WhatsApp notification has \"whatsapp_business_account\".")]
    [InlineData("{\"object\":\"page\",\"entry\":[]}", "The notification is for \"page\", not \"whatsapp_business_account\".")]
    public void Json_that_is_not_a_business_account_notification_is_refused(string body, string error)
    {
        var result = WebhookPayloadReader.Read(Encoding.UTF8.GetBytes(body), ReceivedAt);

        Assert.False(result.IsValid);
        Assert.Equal(error, result.Error);
    }

    [Fact]
    public void Unexpected_shapes_degrade_instead_of_throwing()
    {
        const string body = """
            {"object":"whatsapp_business_account","entry":[
              {"id":"1","changes":[{"field":"messages","value":{
                "metadata":{"display_phone_number":15550783881,"phone_number_id":106540352242922},
                "contacts":"not an array",
                "messages":[
                  {"from":"16505551234","id":"wamid.number-time","timestamp":1739321024,"type":"text","text":{"body":"numeric timestamp"}},
                  {"from":"16505551234","id":"wamid.bad-time","timestamp":"yesterday","type":"text","text":"not an object"},
                  {"from":"16505551234","type":"text","text":{"body":"no id: skipped"}},
                  42
                ],
                "statuses":[{"id":"wamid.x","status":"deleted","timestamp":"1739321050","errors":[{"code":"131026","message":"Message undeliverable"}]}]
              }}]},
              {"id":"2","changes":null},
              "garbage"
            ]}
            """;

        var result = WebhookPayloadReader.Read(Encoding.UTF8.GetBytes(body), ReceivedAt);

        Assert.True(result.IsValid, result.Error);
        Assert.Collection(
            result.Messages,
            m =>
            {
                Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1739321024), m.Timestamp);
                Assert.Equal("numeric timestamp", m.Text);
                Assert.Equal("106540352242922", m.BusinessPhoneNumberId);
                Assert.Equal("15550783881", m.BusinessDisplayNumber);
                Assert.Null(m.ProfileName);
            },
            m =>
            {
                Assert.Equal(ReceivedAt, m.Timestamp);
                Assert.Equal("", m.Text);
            });
        var status = Assert.Single(result.Statuses);
        Assert.Equal(WhatsAppMessageStatus.Unknown, status.Status);
        Assert.Equal("", status.RecipientId);
        Assert.Equal("131026 Message undeliverable", status.ErrorText);
    }

    [Fact]
    public void Media_without_an_id_is_described_rather_than_attached()
    {
        const string body = """
            {"object":"whatsapp_business_account","entry":[{"changes":[{"field":"messages","value":{
              "messages":[{"from":"16505551234","id":"wamid.a","timestamp":"1739321024","type":"audio","audio":{"mime_type":"audio/ogg; codecs=opus"}}]}}]}]}
            """;

        var message = Assert.Single(WebhookPayloadReader.Read(Encoding.UTF8.GetBytes(body), ReceivedAt).Messages);

        Assert.Null(message.Media);
        Assert.Equal("[audio without a media id]", message.Text);
    }

    [Fact]
    public void Invalid_utf8_is_a_clear_failure()
    {
        byte[] body = [.. Encoding.UTF8.GetBytes("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":[{\"value\":{\"messages\":[{\"from\":\"1\",\"id\":\"wamid.x\",\"type\":\"text\",\"text\":{\"body\":\""), 0xFF, 0xFE, .. Encoding.UTF8.GetBytes("\"}}]}}]}]}")];

        var result = WebhookPayloadReader.Read(body, ReceivedAt);

        Assert.Equal("The body is not valid UTF-8 JSON.", result.Error);
        Assert.Empty(result.Messages);
    }
}
