using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace CallMyWay.Voice.EndToEnd.Tests;

/// <summary>
/// A service with WhatsApp on, whose Graph API is a local Kestrel that records what the desk sends, open all day.
/// </summary>
public sealed class WhatsAppFixture : IAsyncLifetime
{
    public const string AppSecret = "e2e-app-secret-0123456789";

    private WebApplication? _graph;
    private ServiceProcess? _service;

    public ServiceProcess Service => _service ?? throw new InvalidOperationException("The service has not started.");

    /// <summary>Every request the desk made to the Graph API: path, then body.</summary>
    public ConcurrentQueue<(string Path, string Body)> GraphRequests { get; } = new();

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _graph = builder.Build();
        _graph.Run(async http =>
        {
            using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
            GraphRequests.Enqueue((http.Request.Path, await reader.ReadToEndAsync()));
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync("""{"messaging_product":"whatsapp","contacts":[{"input":"50688887777","wa_id":"50688887777"}],"messages":[{"id":"wamid.e2e-template"}]}""");
        });
        await _graph.StartAsync();
        var graphUrl = _graph.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        _service = ServiceProcess.Start(new Dictionary<string, string>
        {
            ["BusinessHours:Weekdays"] = "00:00-23:59",
            ["BusinessHours:Weekends"] = "00:00-23:59",
            ["WhatsApp:Enabled"] = "true",
            ["WhatsApp:VerifyToken"] = "e2e-verify",
            ["WhatsApp:AppSecret"] = AppSecret,
            ["WhatsApp:AccessToken"] = "e2e-token",
            ["WhatsApp:PhoneNumberId"] = "106540352242922",
            ["WhatsApp:BaseUrl"] = graphUrl,
            ["WhatsApp:Templates:0:Name"] = "seguimiento_caso",
            ["WhatsApp:Templates:0:Language"] = "es_MX",
        });
        await _service.WaitUntilHealthyAsync(TimeSpan.FromSeconds(30));
    }

    public async Task DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }

        if (_graph is not null)
        {
            await _graph.DisposeAsync();
        }
    }
}

/// <summary>
/// WhatsApp in the console, in headless Chromium: a customer's message that came in more than 24 hours ago waits in
/// the queue; the agent takes it, the console says free text can no longer be sent, and an approved template goes
/// out to the Cloud API instead.
/// </summary>
public sealed class WhatsAppBrowserTests(WhatsAppFixture fixture) : IClassFixture<WhatsAppFixture>
{
    [Fact]
    public async Task Outside_the_24_hour_window_the_console_offers_only_an_approved_template_and_sends_it()
    {
        var sentAt = DateTimeOffset.UtcNow.AddHours(-25).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var body = Encoding.UTF8.GetBytes($$$"""
            {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{
              "messaging_product":"whatsapp","metadata":{"display_phone_number":"50640004000","phone_number_id":"106540352242922"},
              "contacts":[{"profile":{"name":"Ana Mora"},"wa_id":"50688887777"}],
              "messages":[{"from":"50688887777","id":"wamid.e2e-late","timestamp":"{{{sentAt}}}","type":"text","text":{"body":"Mi extensión 204 no suena"}}]
            },"field":"messages"}]}]}
            """);
        using var meta = new HttpClient { BaseAddress = fixture.Service.BaseAddress };
        using var webhook = new HttpRequestMessage(HttpMethod.Post, "/webhooks/whatsapp") { Content = new ByteArrayContent(body) };
        webhook.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        webhook.Headers.Add("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(WhatsAppFixture.AppSecret), body)));
        Assert.Equal(System.Net.HttpStatusCode.OK, (await meta.SendAsync(webhook)).StatusCode);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = Chromium.Args });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 } });
        await Chromium.LogInToConsoleAsync(page, fixture.Service.BaseAddress);
        await page.ClickAsync("[data-testid=nav-chats]");

        var waiting = page.Locator("[data-testid=chat-waiting][data-channel=whatsapp]", new() { HasText = "Ana Mora" });
        await Assertions.Expect(waiting).ToBeVisibleAsync(new() { Timeout = 15000 });
        await waiting.Locator("[data-testid=chat-take]").ClickAsync();
        var yesterdays = page.Locator("#chat-log li[data-seq]", new() { HasText = "Mi extensión 204 no suena" });
        await Assertions.Expect(yesterdays).ToBeVisibleAsync(new() { Timeout = 15000 });
        Assert.Contains("/", await yesterdays.Locator("time").TextContentAsync(), StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("[data-testid=chat-window-closed]")).ToBeVisibleAsync(new() { Timeout = 15000 });
        await Assertions.Expect(page.Locator("#chat-reply")).ToBeDisabledAsync();
        await Assertions.Expect(page.Locator("[data-testid=chat-template] option[value=seguimiento_caso]")).ToHaveCountAsync(1, new() { Timeout = 15000 });
        Directory.CreateDirectory(ConsoleBrowserTests.ArtifactFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ConsoleBrowserTests.ArtifactFolder, "console-whatsapp-window.png") });

        await page.ClickAsync("[data-testid=chat-template-send]");

        await Assertions.Expect(page.Locator("#chat-log li[data-seq]", new() { HasText = "seguimiento_caso" })).ToBeVisibleAsync(new() { Timeout = 15000 });
        // The message shows as soon as it is stored; it reaches the Graph API just after.
        for (var i = 0; i < 100 && fixture.GraphRequests.IsEmpty; i++)
        {
            await Task.Delay(100);
        }

        var (path, sent) = Assert.Single(fixture.GraphRequests);
        Assert.Equal("/v21.0/106540352242922/messages", path);
        Assert.Contains("\"type\":\"template\"", sent, StringComparison.Ordinal);
        Assert.Contains("\"name\":\"seguimiento_caso\"", sent, StringComparison.Ordinal);
        Assert.Contains("\"to\":\"50688887777\"", sent, StringComparison.Ordinal);
    }
}
