using System.Globalization;

namespace CallMyWay.Voice.Domain.Cases;

/// <summary>
/// A case's number: digits only so it can be typed on a keypad and read back digit by digit.
/// The store hands them out (increasing, never reused); this type only says what a valid one looks like.
/// </summary>
public static class CaseNumber
{
    public const int MaxDigits = 12;

    public static bool TryParse(ReadOnlySpan<char> text, out long number)
    {
        number = 0;
        text = text.Trim();
        if (text.StartsWith("#"))
        {
            text = text[1..];
        }

        if (text.IsEmpty || text.Length > MaxDigits)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number > 0;
    }
}
