using System.Net;
using CallMyWay.Voice.Web.WhatsApp;

namespace CallMyWay.Voice.Web.Tests.WhatsApp;

public sealed class WhatsAppWebhookEndpointTests
{
    [Fact]
    public async Task Verification_request_with_the_verify_token_is_answered_with_the_challenge_as_plain_text()
    {
        await using var host = await WebhookHost.StartAsync();

        using var response = await host.Client.GetAsync($"{WhatsAppWebhookEndpoints.Path}?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token={WebhookHost.VerifyToken}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("1158201444", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=wrong")]
    [InlineData("hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=meatyhamhoc")]
    [InlineData("hub.mode=subscribe&hub.challenge=1158201444")]
    [InlineData("hub.mode=unsubscribe&hub.challenge=1158201444&hub.verify_token=meatyhamhock")]
    [InlineData("hub.challenge=1158201444&hub.verify_token=meatyhamhock")]
    [InlineData("hub.mode=subscribe&hub.verify_token=meatyhamhock")]
    public async Task Verification_request_that_does_not_match_is_forbidden(string query)
    {
        await using var host = await WebhookHost.StartAsync();

        using var response = await host.Client.GetAsync($"{WhatsAppWebhookEndpoints.Path}?{query}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("1158201444", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disabled_channel_answers_404_to_both_verification_and_notifications()
    {
        await using var host = await WebhookHost.StartAsync(enabled: false);
        var body = WebhookPayloads.Load("text.json");

        using var verify = await host.Client.GetAsync($"{WhatsAppWebhookEndpoints.Path}?hub.mode=subscribe&hub.challenge=1&hub.verify_token={WebhookHost.VerifyToken}");
        using var notify = await host.PostAsync(body, WebhookPayloads.Sign(body));

        Assert.Equal(HttpStatusCode.NotFound, verify.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notify.StatusCode);
        Assert.Empty(host.Inbox.Calls);
    }

    [Fact]
    public async Task Signed_notification_hands_its_messages_to_the_inbox_and_answers_200()
    {
        await using var host = await WebhookHost.StartAsync();
        var body = WebhookPayloads.Load("text.json");

        using var response = await host.PostAsync(body, WebhookPayloads.Sign(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = Assert.Single(host.Inbox.Calls);
        var message = Assert.Single(call.Messages);
        Assert.Equal("Does it come in another color?", message.Text);
        Assert.Equal("Sheena Nelson", message.ProfileName);
        Assert.Empty(call.Statuses);
    }

    [Fact]
    public async Task Signed_status_notification_hands_the_statuses_to_the_inbox()
    {
        await using var host = await WebhookHost.StartAsync();
        var body = WebhookPayloads.Load("status-failed.json");

        using var response = await host.PostAsync(body, WebhookPayloads.Sign(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = Assert.Single(host.Inbox.Calls);
        Assert.Empty(call.Messages);
        Assert.True(Assert.Single(call.Statuses).OutsideCustomerServiceWindow);
    }

    public static TheoryData<string, string?> BadSignatures() => new()
    {
        { "missing", null },
        { "empty", "" },
        { "another secret", WebhookPayloads.Sign(WebhookPayloads.Load("text.json"), "someone-elses-secret") },
        { "another body", WebhookPayloads.Sign(WebhookPayloads.Load("image.json")) },
        { "sha1 prefix", "sha1=" + WebhookPayloads.Sign(WebhookPayloads.Load("text.json"))["sha256=".Length..] },
        { "uppercase hex", "sha256=" + WebhookPayloads.Sign(WebhookPayloads.Load("text.json"))["sha256=".Length..].ToUpperInvariant() },
    };

    [Theory]
    [MemberData(nameof(BadSignatures))]
    public async Task Notification_without_a_valid_signature_is_refused_with_401_and_nothing_is_stored(string why, string? signature)
    {
        await using var host = await WebhookHost.StartAsync();

        using var response = await host.PostAsync(WebhookPayloads.Load("text.json"), signature);

        Assert.True(HttpStatusCode.Unauthorized == response.StatusCode, why);
        Assert.Empty(host.Inbox.Calls);
    }

    [Fact]
    public async Task Repeated_signature_header_is_refused()
    {
        await using var host = await WebhookHost.StartAsync();
        var body = WebhookPayloads.Load("text.json");
        using var request = new HttpRequestMessage(HttpMethod.Post, WhatsAppWebhookEndpoints.Path) { Content = new ByteArrayContent(body) };
        request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, [WebhookPayloads.Sign(body), WebhookPayloads.Sign(body)]);

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Inbox.Calls);
    }

    [Fact]
    public async Task Body_over_the_limit_is_refused_with_413_before_its_signature_is_checked()
    {
        await using var host = await WebhookHost.StartAsync(maxBodyBytes: 1024);
        var body = WebhookPayloads.Load("multiple-entries.json");
        Assert.True(body.Length > 1024);

        using var response = await host.PostAsync(body, WebhookPayloads.Sign(body));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(host.Inbox.Calls);
    }

    [Fact]
    public async Task Chunked_body_over_the_limit_is_refused_with_413()
    {
        await using var host = await WebhookHost.StartAsync(maxBodyBytes: 1024);
        var body = WebhookPayloads.Load("multiple-entries.json");
        using var request = new HttpRequestMessage(HttpMethod.Post, WhatsAppWebhookEndpoints.Path) { Content = new UnknownLengthContent(body) };
        request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, WebhookPayloads.Sign(body));

        using var response = await host.Client.SendAsync(request);

        Assert.Null(request.Content.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(host.Inbox.Calls);
    }

    [Fact]
    public async Task Signed_body_that_is_not_a_notification_is_refused_with_400()
    {
        await using var host = await WebhookHost.StartAsync();
        var body = WebhookPayloads.Utf8("{\"object\":\"whatsapp_business_account\",\"entry\":[");

        using var response = await host.PostAsync(body, WebhookPayloads.Sign(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not valid JSON", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(host.Inbox.Calls);
    }

    [Fact]
    public async Task Signed_notification_with_nothing_for_the_inbox_is_acknowledged_without_calling_it()
    {
        await using var host = await WebhookHost.StartAsync();
        var body = WebhookPayloads.Utf8("""{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"message_template_status_update","value":{"event":"APPROVED"}}]}]}""");

        using var response = await host.PostAsync(body, WebhookPayloads.Sign(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(host.Inbox.Calls);
    }

    /// <summary>Content that does not know its length, so the request goes out chunked.</summary>
    private sealed class UnknownLengthContent(byte[] body) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(body).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
