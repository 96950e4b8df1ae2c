using Microsoft.Extensions.Time.Testing;

namespace CallMyWay.Voice.Telephony.Tests.Sip.Transactions;

/// <summary>
/// FakeTimeProvider.Advance moves the clock to the end first and then runs every due timer, so callbacks see the end
/// time; stepping in 100 ms makes every callback run at its own instant, since all SIP timer values are multiples of 100 ms.
/// </summary>
internal static class FakeTimeProviderExtensions
{
    public static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);

    public static void Run(this FakeTimeProvider time, TimeSpan duration)
    {
        var remaining = duration;
        while (remaining > TimeSpan.Zero)
        {
            var step = remaining < Step ? remaining : Step;
            time.Advance(step);
            remaining -= step;
        }
    }

    public static void RunSeconds(this FakeTimeProvider time, double seconds) => time.Run(TimeSpan.FromSeconds(seconds));
}
