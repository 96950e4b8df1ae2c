using System.Globalization;
using System.Text.RegularExpressions;
using CallMyWay.Voice.Domain.Cases;

namespace CallMyWay.Voice.Web.Email.Reading;

/// <summary>The case number in a subject, as our mails write it (<c>[Caso #1001]</c>, <c>[Case #1001]</c>) or as people retype it.</summary>
public static partial class CaseTag
{
    public static string For(long caseNumber, bool english) =>
        string.Create(CultureInfo.InvariantCulture, $"[{(english ? "Case" : "Caso")} #{caseNumber}]");

    /// <summary>The number in the subject, if any; a bare number without "#" is not taken for a case.</summary>
    public static long? Find(string? subject)
    {
        if (string.IsNullOrEmpty(subject))
        {
            return null;
        }

        var match = Tag().Match(subject);
        return match.Success && CaseNumber.TryParse(match.Groups["number"].ValueSpan, out var number) ? number : null;
    }

    /// <summary>The subject without reply prefixes and case tags, for our own subject line.</summary>
    public static string? Clean(string? subject)
    {
        if (string.IsNullOrWhiteSpace(subject))
        {
            return null;
        }

        var cleaned = Tag().Replace(subject, " ");
        string previous;
        do
        {
            previous = cleaned;
            cleaned = ReplyPrefix().Replace(cleaned.Trim(), string.Empty);
        }
        while (cleaned != previous);
        cleaned = Spaces().Replace(cleaned, " ").Trim();
        return cleaned.Length == 0 ? null : cleaned;
    }

    [GeneratedRegex(@"\[?\s*(?:caso|case|ticket)\s*(?:n[o°º]\.?\s*)?#\s*(?<number>\d{1,12})\s*\]?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex(@"^((re|rv|fw|fwd|aw|tr|rif|sv|vs)(\[\d+\])?\s*:\s*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReplyPrefix();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
