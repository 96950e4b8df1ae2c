using System.Text.RegularExpressions;
using CallMyWay.Voice.Domain.Cases;

namespace CallMyWay.Voice.Domain.Conversations;

/// <summary>Finds the case a customer refers to in free text: "#1234", "caso 1234", "case #1234", "[Caso #1234]".</summary>
public static partial class CaseReference
{
    /// <summary>The first case number mentioned in <paramref name="text"/>; null when there is none.</summary>
    public static long? Find(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        foreach (Match match in Reference().Matches(text))
        {
            if (CaseNumber.TryParse(match.Groups["number"].ValueSpan, out var number))
            {
                return number;
            }
        }

        return null;
    }

    // A marker ("caso"/"case" as a whole word, then spaces and/or '#', or a lone '#') and 1–12 ASCII digits that
    // end the word: "ocaso 1234", "abc#1234", "##1234" and 13 digits are no references.
    [GeneratedRegex(
        @"(?:(?<![\p{L}\p{N}_])(?:caso|case)(?:\s+#?|#)|(?<![\p{L}\p{N}_#])#)(?<number>[0-9]{1,12})(?![\p{L}\p{N}_])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Reference();
}
