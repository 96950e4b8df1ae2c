using System.Text.RegularExpressions;

namespace CallMyWay.Voice.Web.Email.Reading;

/// <summary>
/// The new part of a reply: what the customer wrote above the quoted message. Quoted lines ("> …") go, and so does
/// everything from the first quote header ("On … wrote:", "El … escribió:", "-----Original Message-----", an
/// Outlook "De:/Enviado:" block) down.
/// </summary>
public static partial class QuotedText
{
    public static string Strip(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var kept = new List<string>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            if (StartsQuote(lines, i))
            {
                // "On Mon, 3 Mar 2025, Ana <ana@…>" wrapped before "wrote:" leaves its first half on the line above.
                if (kept.Count > 0 && WroteOpening().IsMatch(kept[^1]) && !WroteClosing().IsMatch(kept[^1]))
                {
                    kept.RemoveAt(kept.Count - 1);
                }

                break;
            }

            if (line.TrimStart().StartsWith('>'))
            {
                continue;
            }

            kept.Add(line);
        }

        return string.Join('\n', kept).Trim();
    }

    private static bool StartsQuote(string[] lines, int index)
    {
        var line = lines[index].Trim();
        if (WroteClosing().IsMatch(line) || OriginalMessage().IsMatch(line) || Underline().IsMatch(line))
        {
            return true;
        }

        // Outlook's header block: "De:"/"From:" followed within a few lines by "Enviado:"/"Sent:"/"Date:"/"Para:"/"To:".
        if (!HeaderFrom().IsMatch(line))
        {
            return false;
        }

        for (var next = index + 1; next < lines.Length && next <= index + 4; next++)
        {
            if (HeaderFollowing().IsMatch(lines[next].Trim()))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"^(On|El|Le|Em|Am)\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WroteOpening();

    [GeneratedRegex(@"(wrote|escribi[oó]|a écrit|escreveu|schrieb)\s*:\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WroteClosing();

    [GeneratedRegex(@"^-{2,}\s*(Original Message|Mensaje original|Forwarded message|Mensaje reenviado)\s*-{2,}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OriginalMessage();

    [GeneratedRegex(@"^_{10,}$", RegexOptions.CultureInvariant)]
    private static partial Regex Underline();

    [GeneratedRegex(@"^\*?(From|De)\s*:\*?\s+\S", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeaderFrom();

    [GeneratedRegex(@"^\*?(Sent|Enviado|Date|Fecha|To|Para|Subject|Asunto)\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeaderFollowing();
}
