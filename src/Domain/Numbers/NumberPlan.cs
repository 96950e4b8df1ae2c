namespace CallMyWay.Voice.Domain.Numbers;

/// <summary>The desk's DIDs, found by the number a caller dialled in whatever form a carrier sends it.</summary>
public sealed class NumberPlan
{
    private readonly Dictionary<string, DeskNumber> _byDigits;

    public NumberPlan(IEnumerable<DeskNumber> numbers)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        Numbers = [.. numbers];
        _byDigits = new Dictionary<string, DeskNumber>(StringComparer.Ordinal);
        foreach (var number in Numbers)
        {
            if (!_byDigits.TryAdd(DigitsOf(number.E164), number))
            {
                throw new ArgumentException($"The number {number.E164} is listed twice.", nameof(numbers));
            }
        }
    }

    public IReadOnlyList<DeskNumber> Numbers { get; }

    /// <summary>
    /// Finds a DID from a dialled string: E.164 with or without <c>+</c>, or with the <c>00</c> international
    /// prefix, ignoring visual separators (<c>-</c>, <c>.</c>, spaces, parentheses) that some carriers keep.
    /// </summary>
    public DeskNumber? Find(string? dialled)
    {
        if (string.IsNullOrWhiteSpace(dialled))
        {
            return null;
        }

        var digits = DigitsOf(dialled);
        if (digits.Length == 0)
        {
            return null;
        }

        if (_byDigits.TryGetValue(digits, out var number))
        {
            return number;
        }

        return digits.StartsWith("00", StringComparison.Ordinal) && _byDigits.TryGetValue(digits[2..], out number) ? number : null;
    }

    public static string DigitsOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Create(text.Count(char.IsAsciiDigit), text, static (span, source) =>
        {
            var i = 0;
            foreach (var c in source)
            {
                if (char.IsAsciiDigit(c))
                {
                    span[i++] = c;
                }
            }
        });
    }
}
