using System.Globalization;
using System.Text;

namespace CallMyWay.Voice.Web.Email.Reading;

/// <summary>Text folded for matching words written with or without accents and in any case: "Extensión" → "extension".</summary>
public static class FoldedText
{
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(char.ToLowerInvariant(c));
            }
        }

        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Folded, with everything but letters and digits turned into single spaces: a label or a value to look up.</summary>
    public static string Words(string text)
    {
        var folded = Of(text);
        var words = new StringBuilder(folded.Length);
        var space = false;
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (space && words.Length > 0)
                {
                    words.Append(' ');
                }

                words.Append(c);
                space = false;
            }
            else
            {
                space = true;
            }
        }

        return words.ToString();
    }
}
