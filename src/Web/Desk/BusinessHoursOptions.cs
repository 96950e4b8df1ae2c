namespace CallMyWay.Voice.Web.Desk;

/// <summary>Configuration section <c>BusinessHours</c> (CONTRACT.md): the desk's opening hours.</summary>
public sealed class BusinessHoursOptions
{
    public const string Section = "BusinessHours";

    /// <summary>Fixed UTC offset, no daylight saving: <c>-06:00</c>.</summary>
    public string TimeZone { get; set; } = "-06:00";

    public string Weekdays { get; set; } = "06:00-21:00";

    public string Weekends { get; set; } = "07:00-17:00";

    /// <summary>Whole days closed, as <c>yyyy-MM-dd</c>.</summary>
    public IList<string> Holidays { get; } = [];
}
