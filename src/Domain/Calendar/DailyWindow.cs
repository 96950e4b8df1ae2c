using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CallMyWay.Voice.Domain.Calendar;

/// <summary>
/// The hours the desk is open on one local day, from <see cref="Open"/> (inclusive) to
/// <see cref="Close"/> (exclusive). A window never spans midnight.
/// </summary>
/// <remarks>
/// <see cref="TimeOnly"/> cannot hold 24:00, so <see cref="EndOfDay"/> (<see cref="TimeOnly.MaxValue"/>)
/// stands for it: a window closing at <see cref="EndOfDay"/> is open until the midnight that ends the day.
/// A window whose <see cref="Open"/> equals its <see cref="Close"/> is empty (closed all day);
/// <c>default</c> is such a window.
/// </remarks>
public readonly record struct DailyWindow
{
    private const string ClosedText = "closed";
    private static readonly string[] TimeFormats = ["H:mm", "HH:mm", "H:mm:ss", "HH:mm:ss"];

    public DailyWindow(TimeOnly open, TimeOnly close)
    {
        if (close < open)
        {
            throw new ArgumentException(
                $"A daily window cannot close ({close:HH:mm}) before it opens ({open:HH:mm}); use {nameof(DailyWindow)}.{nameof(EndOfDay)} for 24:00.",
                nameof(close));
        }

        Open = open;
        Close = close;
    }

    /// <summary>24:00, the midnight that ends the day, as a <see cref="Close"/> value.</summary>
    public static TimeOnly EndOfDay => TimeOnly.MaxValue;

    /// <summary>No open time that day.</summary>
    public static DailyWindow Closed => default;

    /// <summary>Open from 00:00 to 24:00.</summary>
    public static DailyWindow AllDay => new(TimeOnly.MinValue, EndOfDay);

    public TimeOnly Open { get; }

    public TimeOnly Close { get; }

    public bool IsClosedAllDay => Open == Close;

    /// <summary>Open time in the day.</summary>
    public TimeSpan Duration => CloseOffset - OpenOffset;

    /// <summary>Time from the day's midnight to the opening.</summary>
    internal TimeSpan OpenOffset => Open.ToTimeSpan();

    /// <summary>Time from the day's midnight to the closing; one whole day for <see cref="EndOfDay"/>.</summary>
    internal TimeSpan CloseOffset => Close == EndOfDay ? TimeSpan.FromDays(1) : Close.ToTimeSpan();

    public bool Contains(TimeOnly time) => !IsClosedAllDay && time >= Open && (Close == EndOfDay || time < Close);

    /// <summary>
    /// Reads <c>HH:mm-HH:mm</c> (e.g. <c>06:00-21:00</c>; seconds optional; <c>24:00</c> allowed as the close),
    /// or <c>closed</c> for a day without open time.
    /// </summary>
    /// <exception cref="FormatException">The text is not such a window; the message quotes it.</exception>
    public static DailyWindow Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var window, out var error) ? window : throw new FormatException(error);
    }

    public static bool TryParse([NotNullWhen(true)] string? text, out DailyWindow window) =>
        TryParse(text, out window, out _);

    public override string ToString() =>
        IsClosedAllDay ? ClosedText : $"{Format(Open)}-{(Close == EndOfDay ? "24:00" : Format(Close))}";

    private static bool TryParse(string? text, out DailyWindow window, out string error)
    {
        window = default;
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Equals(ClosedText, StringComparison.OrdinalIgnoreCase))
        {
            error = string.Empty;
            return true;
        }

        var dash = trimmed.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0
            || !TryParseTime(trimmed[..dash], allowEndOfDay: false, out var open)
            || !TryParseTime(trimmed[(dash + 1)..], allowEndOfDay: true, out var close))
        {
            error = $"'{text}' is not a daily window: expected 'HH:mm-HH:mm' such as '06:00-21:00' (24:00 allowed as the close), or 'closed'.";
            return false;
        }

        if (close < open)
        {
            error = $"'{text}' closes before it opens: a daily window cannot span midnight (write 24:00 for the end of the day).";
            return false;
        }

        window = new DailyWindow(open, close);
        error = string.Empty;
        return true;
    }

    private static bool TryParseTime(string text, bool allowEndOfDay, out TimeOnly time)
    {
        var trimmed = text.Trim();
        if (allowEndOfDay && trimmed is "24:00" or "24:00:00")
        {
            time = EndOfDay;
            return true;
        }

        return TimeOnly.TryParseExact(trimmed, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }

    private static string Format(TimeOnly time) =>
        time.ToString(time.Second == 0 && time.Millisecond == 0 ? "HH:mm" : "HH:mm:ss", CultureInfo.InvariantCulture);
}
