namespace CallMyWay.Voice.Web.Api;

/// <summary>A loose check that a text is a phone number, before the channels normalise it.</summary>
public static class PhoneText
{
    public static bool LooksLikeNumber(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var digits = 0;
        var trimmed = text.Trim();
        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (!(c is ' ' or '-' or '.' or '(' or ')' || (c == '+' && i == 0)))
            {
                return false;
            }
        }

        return digits is >= 3 and <= 20;
    }
}
