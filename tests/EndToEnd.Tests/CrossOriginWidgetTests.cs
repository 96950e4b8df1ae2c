using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace CallMyWay.Voice.EndToEnd.Tests;

/// <summary>
/// The company's website and the desk on different origins, as in production: a local Kestrel serves a page that
/// embeds the widgets from the desk, which lists that page's origin in <c>Widgets:AllowedOrigins</c>.
/// </summary>
public sealed class CrossOriginFixture : IAsyncLifetime
{
    private readonly int _sitePort = ServiceProcess.FreeSipPort();
    private WebApplication? _site;
    private ServiceProcess? _service;

    public ServiceProcess Service => _service ?? throw new InvalidOperationException("The service has not started.");

    public Uri Site => new($"http://127.0.0.1:{_sitePort}/");

    public async Task InitializeAsync()
    {
        _service = ServiceProcess.Start(new Dictionary<string, string>
        {
            ["BusinessHours:Weekdays"] = "00:00-23:59",
            ["BusinessHours:Weekends"] = "00:00-23:59",
            ["Widgets:AllowedOrigins:0"] = Site.GetLeftPart(UriPartial.Authority),
        });
        await _service.WaitUntilHealthyAsync(TimeSpan.FromSeconds(30));

        var desk = _service.BaseAddress.GetLeftPart(UriPartial.Authority);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(Site.ToString());
        builder.Logging.ClearProviders();
        _site = builder.Build();
        _site.Run(http =>
        {
            http.Response.ContentType = "text/html; charset=utf-8";
            return http.Response.WriteAsync($"""
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>CallMyWay</title></head>
                <body><h1>CallMyWay</h1><script src="{desk}/chat/chat.js" data-lang="en"></script></body></html>
                """);
        });
        await _site.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_site is not null)
        {
            await _site.DisposeAsync();
        }

        if (_service is not null)
        {
            await _service.DisposeAsync();
        }
    }
}

/// <summary>The chat widget embedded on another origin than the desk's works in a real browser (CORS, SignalR).</summary>
public sealed class CrossOriginWidgetTests(CrossOriginFixture fixture) : IClassFixture<CrossOriginFixture>
{
    [Fact]
    public async Task The_chat_widget_on_the_company_website_reaches_the_desk_on_its_own_host()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = Chromium.Args });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 } });
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("CORS", StringComparison.OrdinalIgnoreCase))
            {
                refused.Add(message.Text);
            }
        };

        await page.GotoAsync(fixture.Site.ToString());
        await page.GetByLabel("Name").FillAsync("Website Visitor");
        await page.GetByLabel("E-mail").FillAsync("visitor@example.com");
        await page.ClickAsync("#cmw-chat-start");
        await page.WaitForSelectorAsync("#cmw-chat-text", new PageWaitForSelectorOptions { Timeout = 15000 });
        await page.FillAsync("#cmw-chat-text", "Hello from the website");
        await page.ClickAsync("#cmw-chat-send");
        await Assertions.Expect(page.Locator("#cmw-chat-log li[data-seq]", new() { HasText = "Hello from the website" })).ToBeVisibleAsync(new() { Timeout = 15000 });

        Assert.Empty(refused);
        using var admin = await fixture.Service.AdminClientAsync();
        var waiting = await admin.GetFromJsonAsync<JsonElement>("/api/conversations?status=waiting");
        var chat = Assert.Single(waiting.EnumerateArray());
        Assert.Equal("Website Visitor", chat.GetProperty("customerName").GetString());
    }
}
