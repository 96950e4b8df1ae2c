using System.Globalization;

namespace CallMyWay.Voice.EndToEnd.Tests;

/// <summary>A service for which today is a holiday, so its IVR runs the closed-hours menu whatever the time.</summary>
public sealed class ClosedHoursFixture : ServiceFixture
{
    protected override IDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["BusinessHours:Holidays:0"] = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(-6)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["BusinessHours:Holidays:1"] = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(-6)).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };
}
