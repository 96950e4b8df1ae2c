using CallMyWay.Voice.Web.WhatsApp;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CallMyWay.Voice.Web.Tests.WhatsApp;

/// <summary>A minimal web host (TestServer) with the WhatsApp channel registered, its webhook mapped and a recording inbox.</summary>
internal sealed class WebhookHost : IAsyncDisposable
{
    public const string VerifyToken = "meatyhamhock";

    private readonly WebApplication _app;

    private WebhookHost(WebApplication app, RecordingInbox inbox)
    {
        _app = app;
        Inbox = inbox;
        Client = app.GetTestClient();
    }

    public RecordingInbox Inbox { get; }

    public HttpClient Client { get; }

    public static async Task<WebhookHost> StartAsync(bool enabled = true, int maxBodyBytes = 1024 * 1024)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["WhatsApp:Enabled"] = enabled ? "true" : "false",
            ["WhatsApp:VerifyToken"] = VerifyToken,
            ["WhatsApp:AppSecret"] = WebhookPayloads.AppSecret,
            ["WhatsApp:AccessToken"] = "EAAJB-test-token",
            ["WhatsApp:PhoneNumberId"] = "106540352242922",
            ["WhatsApp:MaxBodyBytes"] = maxBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var inbox = new RecordingInbox();
        builder.Services.AddWhatsAppChannel(builder.Configuration);
        builder.Services.AddSingleton<IWhatsAppInbox>(inbox);

        var app = builder.Build();
        app.MapWhatsAppWebhookEndpoints();
        await app.StartAsync();
        return new WebhookHost(app, inbox);
    }

    public async Task<HttpResponseMessage> PostAsync(byte[] body, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, WhatsAppWebhookEndpoints.Path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, signature);
        }

        return await Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}
