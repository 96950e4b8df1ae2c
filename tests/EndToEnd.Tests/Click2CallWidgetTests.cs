using Microsoft.Playwright;

namespace CallMyWay.Voice.EndToEnd.Tests;

/// <summary>The embeddable Click2Call widget on its demo page, driven in headless Chromium as a visitor would.</summary>
public sealed class Click2CallWidgetTests(TrunkFixture fixture) : IClassFixture<TrunkFixture>
{
    [Fact]
    public async Task A_visitor_asks_for_a_call_in_spanish_is_told_we_are_calling_a_foreign_premium_number_is_refused_in_english_and_agents_see_the_request()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = Chromium.Args });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 } });
        await page.GotoAsync(new Uri(fixture.Service.BaseAddress, "/click2call/demo.html").ToString());

        var spanish = page.Locator("form.cmw-c2c[lang=es]");
        await spanish.GetByLabel("Teléfono (con código de país)").FillAsync("+52 55 2222 3333");
        await spanish.GetByLabel("Nombre (opcional)").FillAsync("Ana");
        await spanish.GetByRole(AriaRole.Button, new() { Name = "Llámame" }).ClickAsync();
        var spanishStatus = spanish.GetByRole(AriaRole.Status);
        await Assertions.Expect(spanishStatus).ToHaveTextAsync("Te estamos llamando ahora. Contesta tu teléfono.", new() { Timeout = 10000 });
        await Assertions.Expect(spanishStatus).ToHaveAttributeAsync("data-kind", "ok");

        // A UK premium-rate number: the desk serves no UK numbers and never dials premium ones.
        var english = page.Locator("form.cmw-c2c[lang=en]");
        var phone = english.GetByLabel("Phone (with country code)");
        await phone.FillAsync("+44 909 879 0000");
        await english.GetByRole(AriaRole.Button, new() { Name = "Call me" }).ClickAsync();
        var englishStatus = english.GetByRole(AriaRole.Status);
        await Assertions.Expect(englishStatus).ToHaveAttributeAsync("data-kind", "error", new() { Timeout = 10000 });
        await Assertions.Expect(phone).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(englishStatus).ToContainTextAsync("premium-rate");

        Directory.CreateDirectory(ConsoleBrowserTests.ArtifactFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ConsoleBrowserTests.ArtifactFolder, "click2call-widget.png"), FullPage = true });

        // An agent sees the request in the console's callbacks, with its number and status.
        var console = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 } });
        await Chromium.LogInToConsoleAsync(console, fixture.Service.BaseAddress);
        await console.ClickAsync("[data-testid=nav-callbacks]");
        var row = console.Locator("[data-testid=callback-row]", new() { HasText = "+525522223333" });
        await Assertions.Expect(row).ToBeVisibleAsync(new() { Timeout = 15000 });
        Assert.Contains(await row.GetAttributeAsync("data-status"), new[] { "dialing", "answered", "failed", "scheduled" });
        await Assertions.Expect(console.Locator("[data-testid=callback-row]", new() { HasText = "+449098790000" })).ToHaveCountAsync(0);
        await console.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ConsoleBrowserTests.ArtifactFolder, "console-callbacks.png") });
    }
}
