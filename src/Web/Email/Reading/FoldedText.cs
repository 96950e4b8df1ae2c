using System.Text;

namespace CallMyWay.Voice.Web.Email.Reading;

/// <summary>
/// Text folded for matching words written with or without accents and in any case: "Extensión" → "extension".
/// The service runs with invariant globalization, where Unicode decomposition is not available, so the accented
/// letters of Spanish, Portuguese and French are mapped by hand; combining marks (from decomposed input) are dropped.
/// </summary>
public static class FoldedText
{
    private const string Accented = "áàâäãåéèêëíìîïóòôöõøúùûüñçýÿ";
    private const string Plain = "aaaaaaeeeeiiiioooooouuuuncyy";

    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is >= '\u0300' and <= '\u036f')
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            var index = Accented.IndexOf(lower, StringComparison.Ordinal);
            folded.Append(index >= 0 ? Plain[index] : lower);
        }

        return folded.ToString();
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
