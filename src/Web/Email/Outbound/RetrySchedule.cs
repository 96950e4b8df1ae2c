namespace CallMyWay.Voice.Web.Email.Outbound;

/// <summary>Exponential back-off between attempts at the relay: first wait, doubled per failure, capped.</summary>
public static class RetrySchedule
{
    public static TimeSpan After(int failedAttempts, TimeSpan first, TimeSpan max)
    {
        if (failedAttempts <= 1)
        {
            return first < max ? first : max;
        }

        // Past 2^20 times the first wait any sane cap is reached; stopping there keeps the arithmetic finite.
        var factor = Math.Pow(2, Math.Min(failedAttempts - 1, 20));
        var ticks = first.Ticks * factor;
        return ticks >= max.Ticks ? max : TimeSpan.FromTicks((long)ticks);
    }
}
