using Microsoft.Playwright;

namespace CallMyWay.Voice.EndToEnd.Tests;

/// <summary>How the tests start Debian's chromium: headless, no sandbox (containers), nothing phoning home.</summary>
internal static class Chromium
{
    public static readonly string[] Args =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    /// <summary>Logs in to the agents' console at <paramref name="service"/> and waits until its hub is connected.</summary>
    public static async Task LogInToConsoleAsync(IPage page, Uri service, string email = ServiceProcess.AdminEmail, string password = ServiceProcess.AdminPassword)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(new Uri(service, "/").ToString());
        await page.FillAsync("#login-email", email);
        await page.FillAsync("#login-password", password);
        await page.ClickAsync("#login-submit");
        await page.WaitForSelectorAsync("[data-testid=connection-status][data-state=connected]", new PageWaitForSelectorOptions { Timeout = 15000 });
    }
}
