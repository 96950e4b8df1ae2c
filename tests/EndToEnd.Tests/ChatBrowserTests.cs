using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace CallMyWay.Voice.EndToEnd.Tests;

/// <summary>A service open all day, so the web chat takes visitors whatever the time of the run.</summary>
public sealed class OpenAllDayFixture : ServiceFixture
{
    protected override IDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["BusinessHours:Weekdays"] = "00:00-23:59",
        ["BusinessHours:Weekends"] = "00:00-23:59",
    };
}

/// <summary>
/// The web chat in headless Chromium: a visitor on the widget's page and an agent in the console write to each
/// other, markup typed by the visitor stays text, the agent sees the customer's earlier call case; screenshots of both sides are saved as artifacts.
/// </summary>
public sealed class ChatBrowserTests(OpenAllDayFixture fixture) : IClassFixture<OpenAllDayFixture>
{
    private static readonly PageWaitForSelectorOptions Soon = new() { Timeout = 15000 };

    [Fact]
    public async Task A_visitor_and_an_agent_chat_both_ways_between_the_widget_and_the_console()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = Chromium.Args });
        var viewport = new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 } };
        await using var agentContext = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = viewport.ViewportSize });
        await using var visitorContext = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = viewport.ViewportSize });
        var agent = await agentContext.NewPageAsync();
        var visitor = await visitorContext.NewPageAsync();

        // The customer called last week about the same thing; the carrier passed her number in national format.
        using var api = await fixture.Service.AdminClientAsync();
        var call = await api.PostAsJsonAsync("/api/cases", new { kind = "inquiry", channel = "phone", did = "+525541708422", callerNumber = "55 1234 5678" });
        var earlier = (await call.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetInt64();

        await Chromium.LogInToConsoleAsync(agent, fixture.Service.BaseAddress);
        await agent.ClickAsync("[data-testid=nav-chats]");

        await visitor.GotoAsync(new Uri(fixture.Service.BaseAddress, "/chat/demo.html").ToString());
        await visitor.GetByLabel("Nombre").FillAsync("Lucía Pérez");
        await visitor.GetByLabel("Correo electrónico").FillAsync("lucia@example.com");
        await visitor.GetByLabel("Teléfono").FillAsync("+52 55 1234 5678");
        await visitor.GetByLabel("Tema").FillAsync("Mi extensión no registra");
        await visitor.ClickAsync("#cmw-chat-start");
        await visitor.WaitForSelectorAsync("#cmw-chat-text", Soon);
        await visitor.FillAsync("#cmw-chat-text", "Hola <b>agente</b><script>window.pwned=1</script>");
        await visitor.ClickAsync("#cmw-chat-send");

        var waiting = agent.Locator("[data-testid=chat-waiting]", new() { HasText = "Lucía Pérez" });
        await Assertions.Expect(waiting).ToBeVisibleAsync(new() { Timeout = 15000 });
        await waiting.Locator("[data-testid=chat-take]").ClickAsync();
        var fromVisitor = agent.Locator("#chat-log li[data-seq]", new() { HasText = "Hola <b>agente</b>" });
        await Assertions.Expect(fromVisitor).ToBeVisibleAsync(new() { Timeout = 15000 });
        Assert.Equal(0, await agent.Locator("#chat-log b").CountAsync());
        await Assertions.Expect(agent.Locator($"[data-testid=customer-history-case][data-case-number='{earlier}']")).ToBeVisibleAsync(new() { Timeout = 15000 });
        await agent.FillAsync("#chat-reply", "Hola Lucía, soy el administrador. ¿Qué extensión es?");
        await agent.ClickAsync("[data-testid=chat-send]");

        var fromAgent = visitor.Locator("#cmw-chat-log li[data-seq]", new() { HasText = "¿Qué extensión es?" });
        await Assertions.Expect(fromAgent).ToBeVisibleAsync(new() { Timeout = 15000 });
        await visitor.FillAsync("#cmw-chat-text", "La 204");
        await visitor.ClickAsync("#cmw-chat-send");
        await Assertions.Expect(agent.Locator("#chat-log li[data-seq]", new() { HasText = "La 204" })).ToBeVisibleAsync(new() { Timeout = 15000 });
        Assert.Null(await visitor.EvaluateAsync<int?>("() => window.pwned ?? null"));
        Assert.Null(await agent.EvaluateAsync<int?>("() => window.pwned ?? null"));

        Directory.CreateDirectory(ConsoleBrowserTests.ArtifactFolder);
        await visitor.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ConsoleBrowserTests.ArtifactFolder, "chat-visitor.png") });
        await agent.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ConsoleBrowserTests.ArtifactFolder, "chat-agent.png") });

        // The visitor reloads the page: the same chat comes back with everything said so far.
        await visitor.ReloadAsync();
        await Assertions.Expect(visitor.Locator("#cmw-chat-log li[data-seq]", new() { HasText = "La 204" })).ToBeVisibleAsync(new() { Timeout = 15000 });
        await Assertions.Expect(visitor.Locator("#cmw-chat-log li[data-seq]", new() { HasText = "¿Qué extensión es?" })).ToHaveCountAsync(1);
    }
}

/// <summary>Outside business hours the widget gives the hours and the e-mail, and a message left there opens a case.</summary>
public sealed class ChatClosedHoursBrowserTests(ClosedHoursFixture fixture) : IClassFixture<ClosedHoursFixture>
{
    [Fact]
    public async Task A_visitor_outside_hours_sees_the_hours_and_leaves_a_message_that_opens_a_case()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = Chromium.Args });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 } });

        await page.GotoAsync(new Uri(fixture.Service.BaseAddress, "/chat/demo.html?lang=en").ToString());
        await Assertions.Expect(page.Locator("#cmw-chat-hours")).ToContainTextAsync("06:00", new() { Timeout = 15000 });
        await Assertions.Expect(page.Locator("#cmw-chat-closed-email")).ToContainTextAsync("sosporte24@callmyway.com");
        await page.FillAsync("#cmw-chat-leave-name", "Night Owl");
        await page.FillAsync("#cmw-chat-leave-email", "owl@example.com");
        await page.FillAsync("#cmw-chat-leave-text", "My Teams extension stopped ringing tonight.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send message" }).ClickAsync();

        var done = page.Locator("#cmw-chat-leave-done");
        await Assertions.Expect(done).ToHaveAttributeAsync("data-case-number", new System.Text.RegularExpressions.Regex("^[0-9]+$"), new() { Timeout = 15000 });
        var number = await done.GetAttributeAsync("data-case-number");
        Directory.CreateDirectory(ConsoleBrowserTests.ArtifactFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ConsoleBrowserTests.ArtifactFolder, "chat-closed-hours.png") });
        using var admin = await fixture.Service.AdminClientAsync();
        var opened = await admin.GetFromJsonAsync<JsonElement>($"/api/cases/{number}");
        Assert.Equal("webchat", opened.GetProperty("channel").GetString());
        Assert.Equal("owl@example.com", opened.GetProperty("callerEmail").GetString());
    }
}
