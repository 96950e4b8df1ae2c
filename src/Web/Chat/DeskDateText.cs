using System.Globalization;

namespace CallMyWay.Voice.Web.Chat;

/// <summary>
/// A desk time in words for customers, in Spanish or English ("lunes 23 de noviembre, 06:00"). The service runs with
/// invariant globalization (no ICU), so the names are ours.
/// </summary>
public static class DeskDateText
{
    private static readonly string[] SpanishDays = ["domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"];
    private static readonly string[] SpanishMonths = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"];

    public static string Format(DateTimeOffset at, string language)
    {
        var time = at.ToString("HH:mm", CultureInfo.InvariantCulture);
        return language == "en"
            ? string.Create(CultureInfo.InvariantCulture, $"{at.DayOfWeek} {at.Day} {CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(at.Month)}, {time}")
            : string.Create(CultureInfo.InvariantCulture, $"{SpanishDays[(int)at.DayOfWeek]} {at.Day} de {SpanishMonths[at.Month - 1]}, {time}");
    }
}
