namespace CallMyWay.Voice.Telephony.Sip.Messages;

/// <summary>Splits a header value at the commas that separate list elements (RFC 3261 §7.3.1).</summary>
/// <remarks>Commas inside quoted strings and angle-bracketed URIs do not separate elements.</remarks>
internal static class SipHeaderValueSplitter
{
    public static void Split(string value, List<string> into, bool keepEmpty)
    {
        var inQuotes = false;
        var inBrackets = false;
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (inQuotes)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
            }
            else if (c == '"')
            {
                inQuotes = true;
            }
            else if (c == '<')
            {
                inBrackets = true;
            }
            else if (c == '>')
            {
                inBrackets = false;
            }
            else if (c == ',' && !inBrackets)
            {
                Add(value.AsSpan(start, i - start), into, keepEmpty);
                start = i + 1;
            }
        }

        Add(value.AsSpan(start), into, keepEmpty);
    }

    private static void Add(ReadOnlySpan<char> element, List<string> into, bool keepEmpty)
    {
        element = element.Trim(" \t");
        if (!element.IsEmpty || keepEmpty)
        {
            into.Add(element.ToString());
        }
    }
}
