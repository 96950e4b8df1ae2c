using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using CallMyWay.Voice.Web.WhatsApp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CallMyWay.Voice.Web.Tests.WhatsApp;

public sealed class WhatsAppCloudClientTests : IAsyncLifetime
{
    private const string PhoneNumberId = "106540352242922";
    private const string Token = "EAAJB-test-token";

    private FakeCloudApi _api = null!;

    public async Task InitializeAsync() => _api = await FakeCloudApi.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    /// <summary>The client as the application gets it: through <see cref="WhatsAppServiceCollectionExtensions.AddWhatsAppChannel"/>.</summary>
    private static ServiceProvider Services(string baseUrl, bool enabled = true)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["WhatsApp:Enabled"] = enabled ? "true" : "false",
            ["WhatsApp:VerifyToken"] = "meatyhamhock",
            ["WhatsApp:AppSecret"] = WebhookPayloads.AppSecret,
            ["WhatsApp:AccessToken"] = Token,
            ["WhatsApp:PhoneNumberId"] = PhoneNumberId,
            ["WhatsApp:BaseUrl"] = baseUrl,
            ["WhatsApp:Templates:0:Name"] = "case_update",
            ["WhatsApp:Templates:0:Language"] = "es_MX",
            ["WhatsApp:Templates:1:Name"] = "hello_world",
            ["WhatsApp:Templates:1:Language"] = "en_US",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.ClearProviders());
        services.AddWhatsAppChannel(configuration);
        return services.BuildServiceProvider(validateScopes: true);
    }

    private WhatsAppCloudClient Client(ServiceProvider services) => services.GetRequiredService<WhatsAppCloudClient>();

    [Fact]
    public async Task Text_is_posted_to_the_phone_numbers_messages_edge_with_bearer_token_and_metas_body()
    {
        using var services = Services(_api.BaseUrl.ToString());

        var result = await Client(services).SendTextAsync("+16505551234", "Hola, ¿en qué le ayudamos?", CancellationToken.None);

        var request = Assert.Single(_api.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/v21.0/{PhoneNumberId}/messages", request.PathAndQuery);
        Assert.Equal($"Bearer {Token}", request.Authorization);
        Assert.Equal("application/json", request.ContentType);
        using var body = JsonDocument.Parse(request.Body);
        var root = body.RootElement;
        Assert.Equal(["messaging_product", "recipient_type", "to", "type", "text"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("whatsapp", root.GetProperty("messaging_product").GetString());
        Assert.Equal("individual", root.GetProperty("recipient_type").GetString());
        Assert.Equal("+16505551234", root.GetProperty("to").GetString());
        Assert.Equal("text", root.GetProperty("type").GetString());
        Assert.False(root.GetProperty("text").GetProperty("preview_url").GetBoolean());
        Assert.Equal("Hola, ¿en qué le ayudamos?", root.GetProperty("text").GetProperty("body").GetString());

        Assert.True(result.Succeeded);
        Assert.Equal(FakeCloudApi.AcceptedWamid, result.MessageId);
        Assert.Equal("16505551234", result.WaId);
        Assert.Equal(200, result.HttpStatus);
        Assert.False(result.Retryable);
    }

    [Fact]
    public async Task Template_is_posted_with_name_and_language_code_and_optional_body_parameters()
    {
        using var services = Services(_api.BaseUrl.ToString());
        var client = Client(services);

        var plain = await client.SendTemplateAsync("16505551234", "hello_world", "en_US", CancellationToken.None);
        var filled = await client.SendTemplateAsync("16505551234", "case_update", "es_MX", ["1234", "Luis"], CancellationToken.None);

        Assert.True(plain.Succeeded);
        Assert.True(filled.Succeeded);
        var requests = _api.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.Equal(
            """{"messaging_product":"whatsapp","recipient_type":"individual","to":"16505551234","type":"template","template":{"name":"hello_world","language":{"code":"en_US"}}}""",
            requests[0].Body);
        Assert.Equal(
            """{"messaging_product":"whatsapp","recipient_type":"individual","to":"16505551234","type":"template","template":{"name":"case_update","language":{"code":"es_MX"},"components":[{"type":"body","parameters":[{"type":"text","text":"1234"},{"type":"text","text":"Luis"}]}]}}""",
            requests[1].Body);
    }

    [Fact]
    public async Task Re_engagement_error_flags_the_closed_customer_service_window()
    {
        _api.Respond = _ => (400, """
            {
              "error": {
                "message": "(#131047) Re-engagement message",
                "type": "OAuthException",
                "code": 131047,
                "error_data": {
                  "messaging_product": "whatsapp",
                  "details": "Message failed to send because more than 24 hours have passed since the customer last replied to this number."
                },
                "error_subcode": 2494079,
                "fbtrace_id": "AbCdEfGhIjKlMnOpQrStUvW"
              }
            }
            """);
        using var services = Services(_api.BaseUrl.ToString());

        var result = await Client(services).SendTextAsync("16505551234", "¿Sigue sin servicio?", CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.True(result.OutsideCustomerServiceWindow);
        Assert.False(result.Retryable);
        Assert.Equal(400, result.HttpStatus);
        Assert.Equal(131047, result.ErrorCode);
        Assert.Equal(2494079, result.ErrorSubcode);
        Assert.Equal("(#131047) Re-engagement message", result.ErrorMessage);
        Assert.Equal("Message failed to send because more than 24 hours have passed since the customer last replied to this number.", result.ErrorDetails);
        Assert.Equal("AbCdEfGhIjKlMnOpQrStUvW", result.TraceId);
        Assert.Null(result.MessageId);
    }

    [Fact]
    public async Task Rate_limit_hit_is_retryable()
    {
        _api.Respond = _ => (400, """
            {"error":{"message":"(#130429) Rate limit hit","type":"OAuthException","code":130429,"error_data":{"messaging_product":"whatsapp","details":"Cloud API message throughput has been reached."},"error_subcode":2494055,"fbtrace_id":"Az8or2yhqkZfEZ-_4Qn_Bam"}}
            """);
        using var services = Services(_api.BaseUrl.ToString());

        var result = await Client(services).SendTextAsync("16505551234", "Hola", CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.True(result.Retryable);
        Assert.False(result.OutsideCustomerServiceWindow);
        Assert.Equal(WhatsAppErrorCodes.RateLimitHit, result.ErrorCode);
    }

    [Theory]
    [InlineData(500, """{"error":{"message":"An unknown error has occurred.","type":"OAuthException","code":1,"fbtrace_id":"A1"}}""")]
    [InlineData(502, "<html><body>Bad Gateway</body></html>")]
    [InlineData(503, "")]
    public async Task Server_errors_are_retryable_whatever_their_body(int status, string body)
    {
        _api.Respond = _ => (status, body);
        using var services = Services(_api.BaseUrl.ToString());

        var result = await Client(services).SendTextAsync("16505551234", "Hola", CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.True(result.Retryable);
        Assert.Equal(status, result.HttpStatus);
        Assert.NotNull(result.ErrorMessage);
    }

    [Fact]
    public async Task Rejected_token_and_undeliverable_recipient_are_not_retryable()
    {
        using var services = Services(_api.BaseUrl.ToString());
        var client = Client(services);

        _api.Respond = _ => (401, """{"error":{"message":"Error validating access token: Session has expired.","type":"OAuthException","code":190,"error_subcode":463,"fbtrace_id":"B2"}}""");
        var token = await client.SendTextAsync("16505551234", "Hola", CancellationToken.None);
        _api.Respond = _ => (400, """{"error":{"message":"(#131026) Message undeliverable","type":"OAuthException","code":131026,"error_data":{"messaging_product":"whatsapp","details":"Message Undeliverable."},"fbtrace_id":"C3"}}""");
        var undeliverable = await client.SendTextAsync("16505551234", "Hola", CancellationToken.None);

        Assert.Equal((false, false, 190, 463), (token.Succeeded, token.Retryable, token.ErrorCode, token.ErrorSubcode));
        Assert.Equal((false, false, 131026), (undeliverable.Succeeded, undeliverable.Retryable, undeliverable.ErrorCode));
    }

    [Fact]
    public async Task Text_over_4096_characters_is_refused_before_sending()
    {
        using var services = Services(_api.BaseUrl.ToString());

        var result = await Client(services).SendTextAsync("16505551234", new string('a', WhatsAppCloudClient.MaxTextLength + 1), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.False(result.Retryable);
        Assert.Null(result.HttpStatus);
        Assert.Contains("4096", result.ErrorMessage, StringComparison.Ordinal);
        Assert.Empty(_api.Requests);
    }

    [Fact]
    public async Task Text_of_exactly_4096_characters_is_sent()
    {
        using var services = Services(_api.BaseUrl.ToString());

        var result = await Client(services).SendTextAsync("16505551234", new string('a', WhatsAppCloudClient.MaxTextLength), CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Single(_api.Requests);
    }

    [Theory]
    [InlineData("", "Hola")]
    [InlineData("16505551234", "")]
    [InlineData("16505551234", "   ")]
    public async Task Empty_recipient_or_body_is_refused_before_sending(string to, string body)
    {
        using var services = Services(_api.BaseUrl.ToString());

        var result = await Client(services).SendTextAsync(to, body, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Empty(_api.Requests);
    }

    [Theory]
    [InlineData("case_updates", "es_MX")]
    [InlineData("case_update", "es")]
    [InlineData("CASE_UPDATE", "es_MX")]
    public async Task Template_not_configured_as_approved_is_refused_before_sending(string name, string language)
    {
        using var services = Services(_api.BaseUrl.ToString());

        var result = await Client(services).SendTemplateAsync("16505551234", name, language, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("WhatsApp:Templates", result.ErrorMessage, StringComparison.Ordinal);
        Assert.Empty(_api.Requests);
    }

    [Fact]
    public async Task Disabled_channel_refuses_to_send()
    {
        using var services = Services(_api.BaseUrl.ToString(), enabled: false);

        var result = await Client(services).SendTextAsync("16505551234", "Hola", CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.False(result.Retryable);
        Assert.Empty(_api.Requests);
    }

    [Fact]
    public async Task Base_url_with_a_path_keeps_its_path()
    {
        _api.Respond = _ => (200, FakeCloudApi.Accepted);
        using var services = Services(new Uri(_api.BaseUrl, "graph-proxy").ToString());

        var result = await Client(services).SendTextAsync("16505551234", "Hola", CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal($"/graph-proxy/v21.0/{PhoneNumberId}/messages", Assert.Single(_api.Requests).PathAndQuery);
    }

    [Fact]
    public async Task Unreachable_graph_api_is_a_retryable_result_not_an_exception()
    {
        using var services = Services($"http://127.0.0.1:{ClosedPort().ToString(CultureInfo.InvariantCulture)}");

        var result = await Client(services).SendTextAsync("16505551234", "Hola", CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.True(result.Retryable);
        Assert.Null(result.HttpStatus);
        Assert.StartsWith("The Graph API could not be reached", result.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Success_status_without_a_message_id_is_not_a_success()
    {
        _api.Respond = _ => (200, """{"messaging_product":"whatsapp","contacts":[],"messages":[]}""");
        using var services = Services(_api.BaseUrl.ToString());

        var result = await Client(services).SendTextAsync("16505551234", "Hola", CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Null(result.MessageId);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_throws()
    {
        using var services = Services(_api.BaseUrl.ToString());
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client(services).SendTextAsync("16505551234", "Hola", cancelled.Token));
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
