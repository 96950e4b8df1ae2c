using System.Globalization;

namespace CallMyWay.Voice.Telephony.Ivr.Prompts;

/// <summary>Numbers read the way callers type them: digit by digit ("uno, cero, cero, siete").</summary>
public static class SpokenNumber
{
    public static IReadOnlyList<PromptRef> Digits(long number, string language) =>
        Digits(number.ToString(CultureInfo.InvariantCulture), language);

    /// <summary>Each character of <paramref name="digits"/> (0-9, <c>*</c>, <c>#</c>) as its word.</summary>
    public static IReadOnlyList<PromptRef> Digits(string digits, string language)
    {
        ArgumentNullException.ThrowIfNull(digits);
        var prompts = new PromptRef[digits.Length];
        for (var i = 0; i < digits.Length; i++)
        {
            prompts[i] = new PromptRef(PromptKeys.Digit(digits[i]), language);
        }

        return prompts;
    }
}
