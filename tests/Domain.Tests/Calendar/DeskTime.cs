using System.Globalization;

namespace CallMyWay.Voice.Domain.Tests.Calendar;

/// <summary>Instants written the way the desk reads them, and assertions that also check the offset.</summary>
internal static class DeskTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(-6);

    private static readonly string[] LocalFormats = ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];

    /// <summary>A local desk time (GMT-6), e.g. "2026-11-26 21:00".</summary>
    public static DateTimeOffset At(string local) =>
        new(DateTime.ParseExact(local, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None), Offset);

    /// <summary>An ISO 8601 instant with its own offset, e.g. "2026-11-27T03:30:00Z".</summary>
    public static DateTimeOffset Iso(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    public static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Same instant and same offset (DateTimeOffset equality alone ignores the offset).</summary>
    public static void Equal(DateTimeOffset expected, DateTimeOffset actual) =>
        Assert.Equal(expected.ToString("O", CultureInfo.InvariantCulture), actual.ToString("O", CultureInfo.InvariantCulture));

    public static void Equal(string expectedLocal, DateTimeOffset actual) => Equal(At(expectedLocal), actual);
}
