using System.Globalization;
using System.Text.RegularExpressions;

namespace CallMyWay.Voice.Web.Email.Reading;

/// <summary>
/// "Fecha y hora" as customers write it: ISO (<c>2025-03-14 10:30</c>, with or without offset), day first
/// (<c>14/03/2025 10:30</c>; month first in English when both read as valid), month names in Spanish or English
/// (<c>14 de marzo de 2025, 10:30 am</c>, <c>March 14, 2025 3:15 PM</c>), and <c>hoy</c>/<c>ayer</c>/<c>today</c>/
/// <c>yesterday</c>. Without an offset the time is the desk's (GMT-6). A date more than a day ahead is refused.
/// </summary>
public static partial class MessageDates
{
    private static readonly Dictionary<string, int> Months = new(StringComparer.Ordinal)
    {
        ["enero"] = 1,
        ["ene"] = 1,
        ["january"] = 1,
        ["jan"] = 1,
        ["febrero"] = 2,
        ["feb"] = 2,
        ["february"] = 2,
        ["marzo"] = 3,
        ["mar"] = 3,
        ["march"] = 3,
        ["abril"] = 4,
        ["abr"] = 4,
        ["april"] = 4,
        ["apr"] = 4,
        ["mayo"] = 5,
        ["may"] = 5,
        ["junio"] = 6,
        ["jun"] = 6,
        ["june"] = 6,
        ["julio"] = 7,
        ["jul"] = 7,
        ["july"] = 7,
        ["agosto"] = 8,
        ["ago"] = 8,
        ["august"] = 8,
        ["aug"] = 8,
        ["septiembre"] = 9,
        ["setiembre"] = 9,
        ["sep"] = 9,
        ["sept"] = 9,
        ["set"] = 9,
        ["september"] = 9,
        ["octubre"] = 10,
        ["oct"] = 10,
        ["october"] = 10,
        ["noviembre"] = 11,
        ["nov"] = 11,
        ["november"] = 11,
        ["diciembre"] = 12,
        ["dic"] = 12,
        ["december"] = 12,
        ["dec"] = 12,
    };

    /// <param name="text">The value after the label.</param>
    /// <param name="offset">The desk's fixed UTC offset.</param>
    /// <param name="monthFirst">Read an ambiguous <c>03/04/2025</c> as March 4 (US English) rather than 3 April.</param>
    /// <param name="now">When the message arrived: the reference for "today", a missing year, and the future check.</param>
    public static DateTimeOffset? Parse(string text, TimeSpan offset, bool monthFirst, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(text);
        var value = text.Trim();
        if (value.Length == 0)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var explicitOffset) && HasOffset().IsMatch(value))
        {
            return Plausible(explicitOffset, now);
        }

        var folded = FoldedText.Of(value);
        var stated = StatedOffset().Match(folded);
        if (stated.Success)
        {
            // "GMT-5" written by the customer wins over the desk's offset.
            var hours = Number(stated, "h");
            var minutes = stated.Groups["m"].Success ? Number(stated, "m") : 0;
            if (hours <= 14 && minutes < 60)
            {
                offset = new TimeSpan(hours, minutes, 0) * (stated.Groups["sign"].Value == "-" ? -1 : 1);
                folded = folded.Remove(stated.Index, stated.Length);
            }
        }

        var local = now.ToOffset(offset);
        var (date, found) = DateOf(folded, monthFirst, local);
        if (date is null || found is null)
        {
            return null;
        }

        var rest = folded.Remove(found.Index, found.Length);
        var time = TimeOf(rest);
        if (time is null && rest.Any(char.IsAsciiDigit))
        {
            // Digits we could not read as a time: better to ask again than to guess midnight.
            return null;
        }

        var at = new DateTimeOffset(date.Value.ToDateTime(time ?? TimeOnly.MinValue), offset);
        return Plausible(at, now);
    }

    private static (DateOnly? Date, Match? Found) DateOf(string folded, bool monthFirst, DateTimeOffset local)
    {
        var match = Iso().Match(folded);
        if (match.Success)
        {
            return (MakeDate(Number(match, "y"), Number(match, "m"), Number(match, "d")), match);
        }

        match = Numeric().Match(folded);
        if (match.Success)
        {
            var first = Number(match, "a");
            var second = Number(match, "b");
            var year = Year(Number(match, "y"));
            var dayFirst = first > 12 || (second <= 12 && !monthFirst);
            return (dayFirst ? MakeDate(year, second, first) : MakeDate(year, first, second), match);
        }

        foreach (var pattern in new[] { DayMonthName(), MonthNameDay() })
        {
            for (match = pattern.Match(folded); match.Success; match = match.NextMatch())
            {
                if (Months.TryGetValue(match.Groups["month"].Value, out var month))
                {
                    return (WithYear(match, month, Number(match, "d"), local), match);
                }
            }
        }

        match = Relative().Match(folded);
        if (match.Success)
        {
            var today = DateOnly.FromDateTime(local.DateTime);
            return (match.Groups["word"].Value is "ayer" or "yesterday" ? today.AddDays(-1) : today, match);
        }

        return (null, null);
    }

    private static DateOnly? WithYear(Match match, int month, int day, DateTimeOffset local)
    {
        if (match.Groups["y"].Success)
        {
            return MakeDate(Year(Number(match, "y")), month, day);
        }

        // No year: this year, unless that is still ahead (a December date written in January).
        var date = MakeDate(local.Year, month, day);
        return date is { } d && d > DateOnly.FromDateTime(local.DateTime).AddDays(1) ? MakeDate(local.Year - 1, month, day) : date;
    }

    private static TimeOnly? TimeOf(string text)
    {
        for (var match = Clock().Match(text); match.Success; match = match.NextMatch())
        {
            var hour = Number(match, "h");
            var minute = match.Groups["m"].Success ? Number(match, "m") : 0;
            var second = match.Groups["s"].Success ? Number(match, "s") : 0;
            if (match.Groups["ampm"].Success)
            {
                if (hour is < 1 or > 12)
                {
                    continue;
                }

                hour = (hour % 12) + (match.Groups["ampm"].Value == "p" ? 12 : 0);
            }
            else if (!match.Groups["m"].Success && !match.Groups["hrs"].Success)
            {
                // A lone number is a time only with am/pm, "h" or "hrs" after it.
                continue;
            }

            if (hour is >= 0 and < 24 && minute is >= 0 and < 60 && second is >= 0 and < 60)
            {
                return new TimeOnly(hour, minute, second);
            }
        }

        return null;
    }

    private static DateTimeOffset? Plausible(DateTimeOffset at, DateTimeOffset now) =>
        at > now.AddDays(1) || at < now.AddYears(-2) ? null : at;

    private static DateOnly? MakeDate(int year, int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && year is >= 1900 and <= 9999 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;

    private static int Year(int year) => year < 100 ? 2000 + year : year;

    private static int Number(Match match, string group) =>
        int.TryParse(match.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;

    [GeneratedRegex(@"(?:[+-]\d{2}:?\d{2}|Z)\s*$|(?:GMT|UTC)\s*[+-]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HasOffset();

    [GeneratedRegex(@"\(?\b(?:gmt|utc)\s*(?<sign>[+-])\s*(?<h>\d{1,2})(?::?(?<m>\d{2}))?\b\)?", RegexOptions.CultureInvariant)]
    private static partial Regex StatedOffset();

    [GeneratedRegex(@"\b(?<y>\d{4})[-/.](?<m>\d{1,2})[-/.](?<d>\d{1,2})(?:t|\b)", RegexOptions.CultureInvariant)]
    private static partial Regex Iso();

    [GeneratedRegex(@"\b(?<a>\d{1,2})[/.-](?<b>\d{1,2})[/.-](?<y>\d{4}|\d{2})\b", RegexOptions.CultureInvariant)]
    private static partial Regex Numeric();

    [GeneratedRegex(@"\b(?<d>\d{1,2})\s*(?:de\s+)?(?<month>[a-z]{3,10})\.?(?:,?\s*(?:de\s+|del\s+)?(?<y>\d{4}))?\b", RegexOptions.CultureInvariant)]
    private static partial Regex DayMonthName();

    [GeneratedRegex(@"\b(?<month>[a-z]{3,10})\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s*(?<y>\d{4})\b)?", RegexOptions.CultureInvariant)]
    private static partial Regex MonthNameDay();

    [GeneratedRegex(@"\b(?<word>hoy|ayer|today|yesterday)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Relative();

    [GeneratedRegex(@"\b(?<h>\d{1,2})(?::(?<m>\d{2})(?::(?<s>\d{2}))?)?\s*(?:(?<ampm>[ap])\.?\s?m\b\.?|(?<hrs>h\b|hrs?\b|horas?\b))?", RegexOptions.CultureInvariant)]
    private static partial Regex Clock();
}
