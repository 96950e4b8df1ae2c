using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace CallMyWay.Voice.EndToEnd.Tests;

/// <summary>
/// The agents' console in headless Chromium (Playwright, Debian's chromium): the agent logs in, says they are
/// available, and watches a customer's call go ringing → ivr → queued → offered → connected → ended while their
/// registered soft-phone takes it. A screenshot is saved as an artifact.
/// </summary>
public sealed class ConsoleBrowserTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    public static string ArtifactFolder { get; } = Path.Combine(ServiceProcess.RepositoryRoot, "TestResults", "artifacts");

    [Fact]
    public async Task An_administrator_creates_an_agent_with_an_extension_and_sip_password_in_the_console()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = Chromium.Args });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 } });
        await Chromium.LogInToConsoleAsync(page, fixture.Service.BaseAddress);

        await page.ClickAsync("#nav-agents");
        await page.FillAsync("#agent-email", "rosa@callmyway.test");
        await page.FillAsync("#agent-name", "Rosa");
        await page.SelectOptionAsync("#agent-role", "level2");
        await page.FillAsync("#agent-password", "rosa-password-long");
        await page.FillAsync("#agent-extension", "230");
        await page.FillAsync("#agent-sip-password", "rosa-phone-secret");
        await page.ClickAsync("[data-testid=agent-create]");
        var row = await page.WaitForSelectorAsync("tr[data-testid=agent-row][data-email='rosa@callmyway.test']", new PageWaitForSelectorOptions { Timeout = 10000 });

        Assert.Contains("Configurada", await row!.TextContentAsync(), StringComparison.Ordinal);
        Directory.CreateDirectory(ArtifactFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactFolder, "console-agents.png") });
        using var api = await fixture.Service.AdminClientAsync();
        var agents = await api.GetFromJsonAsync<JsonElement>("/api/agents");
        var rosa = agents.EnumerateArray().Single(a => a.GetProperty("email").GetString() == "rosa@callmyway.test");
        Assert.Equal("230", rosa.GetProperty("extension").GetString());
        Assert.True(rosa.GetProperty("sipAccount").GetBoolean());
    }

    [Fact]
    public async Task The_agent_sees_the_call_on_the_live_board_from_ringing_to_ended_and_takes_it_on_the_phone()
    {
        var service = fixture.Service;
        using var admin = await service.AdminClientAsync();
        var created = await admin.PostAsJsonAsync("/api/agents", new { email = "luz@callmyway.test", displayName = "Luz", role = "level1", password = "luz-password-long", extension = "220", sipPassword = "luz-phone-secret" });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var registrar = $"127.0.0.1:{service.SipPort}";
        await using var agentPhone = Baresip.Start(Path.Combine(service.DataFolder, "luz-phone"), "220", "luz-phone-secret", registrar, ServiceProcess.FreeSipPort(), 6700, toneHz: 660);
        Assert.True(await agentPhone.WaitForOutputAsync("200 OK", TimeSpan.FromSeconds(15)), agentPhone.Output);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = Chromium.Args });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 } });
        await Chromium.LogInToConsoleAsync(page, service.BaseAddress, "luz@callmyway.test", "luz-password-long");
        await page.SelectOptionAsync("#agent-status", "available");
        await page.WaitForSelectorAsync("#agent-status[data-status=available]", new PageWaitForSelectorOptions { Timeout = 10000 });

        // Record every state the board renders for call rows, at each change of the page.
        await page.EvaluateAsync("""
            () => {
              window.__states = [];
              const record = () => {
                for (const row of document.querySelectorAll('li[data-testid=call-row]')) {
                  const s = row.dataset.state;
                  if (window.__states[window.__states.length - 1] !== s) window.__states.push(s);
                }
              };
              new MutationObserver(record).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
            }
            """);

        await using var customer = Baresip.Start(Path.Combine(service.DataFolder, "customer-for-luz"), "15550008888", "none", registrar, ServiceProcess.FreeSipPort(), 6800, toneHz: 440);
        await customer.TypeAsync($"/dial sip:50640004000@{registrar}\n");
        Assert.True(await customer.WaitForOutputAsync("Call established", TimeSpan.FromSeconds(15)), customer.Output);
        await Task.Delay(1500);
        await customer.TypeAsync("0");
        Assert.True(await agentPhone.WaitForOutputAsync("Call established", TimeSpan.FromSeconds(30)), agentPhone.Output);
        await page.WaitForSelectorAsync("li[data-testid=call-row][data-state=connected]", new PageWaitForSelectorOptions { Timeout = 10000 });
        var callerShown = await page.TextContentAsync("li[data-testid=call-row] [data-testid=call-caller]");
        Directory.CreateDirectory(ArtifactFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactFolder, "console-connected.png") });
        await Task.Delay(TimeSpan.FromSeconds(2));
        await customer.TypeAsync("b");
        await page.WaitForFunctionAsync("() => window.__states.includes('ended')", null, new PageWaitForFunctionOptions { Timeout = 15000 });

        var states = await page.EvaluateAsync<string[]>("() => window.__states");
        Assert.Equal(["ringing", "ivr", "queued", "offered", "connected", "ended"], states);
        Assert.Contains("15550008888", callerShown, StringComparison.Ordinal);
    }
}
