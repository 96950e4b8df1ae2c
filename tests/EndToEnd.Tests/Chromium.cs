namespace CallMyWay.Voice.EndToEnd.Tests;

/// <summary>How the tests start Debian's chromium: headless, no sandbox (containers), nothing phoning home.</summary>
internal static class Chromium
{
    public static readonly string[] Args =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];
}
