using System.Globalization;

namespace CallMyWay.Voice.Web.Desk;

/// <summary>The desk's fixed UTC offset as the API and customers read it, and as a time zone for transcripts.</summary>
public static class DeskTimeText
{
    /// <summary><c>-06:00</c>, as <c>BusinessHours:TimeZone</c> is written.</summary>
    public static string Offset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    /// <summary>A zone with no daylight saving at the desk's offset.</summary>
    public static TimeZoneInfo Zone(TimeSpan offset) => TimeZoneInfo.CreateCustomTimeZone("desk", offset, "desk", "desk");
}
