namespace CallMyWay.Voice.Web.Tests.Email;

/// <summary>Waits, within a bound, for work on other threads (a socket, the outbox sender) to show its effect.</summary>
internal static class Eventually
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    public static async Task TrueAsync(Func<Task<bool>> condition, string what)
    {
        using var timeout = new CancellationTokenSource(Bound);
        while (!await condition())
        {
            try
            {
                // Polls I/O done elsewhere; no timer logic of the code under test depends on this delay.
                await Task.Delay(TimeSpan.FromMilliseconds(20), timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"Timed out after {Bound.TotalSeconds} s waiting for {what}.");
            }
        }
    }
}
