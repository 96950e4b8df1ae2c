using System.Text;
using MimeKit.Text;

namespace CallMyWay.Voice.Web.Email.Reading;

/// <summary>
/// Readable plain text from an HTML body, read with MimeKit's HTML tokenizer: blocks become lines, list items
/// dashes, table cells stay on their row, scripts and styles vanish, and quoted blocks keep a "> " mark so that
/// replies can be told from what they quote.
/// </summary>
public static class HtmlText
{
    public static string Convert(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var writer = new LineWriter();
        var hidden = 0;
        using var reader = new StringReader(html);
        var tokenizer = new HtmlTokenizer(reader);
        while (tokenizer.ReadNextToken(out var token))
        {
            switch (token)
            {
                case HtmlTagToken tag:
                    hidden = Tag(tag, writer, hidden);
                    break;
                case HtmlDataToken data when hidden == 0 && token.Kind is HtmlTokenKind.Data or HtmlTokenKind.CData:
                    writer.Text(data.Data);
                    break;
                default:
                    break;
            }
        }

        return writer.ToString();
    }

    private static int Tag(HtmlTagToken tag, LineWriter writer, int hidden)
    {
        switch (tag.Id)
        {
            case HtmlTagId.Script or HtmlTagId.Style or HtmlTagId.Head or HtmlTagId.Title:
                return tag.IsEmptyElement ? hidden : Math.Max(0, hidden + (tag.IsEndTag ? -1 : 1));
            case HtmlTagId.Br:
                writer.Break();
                break;
            case HtmlTagId.LI when !tag.IsEndTag:
                writer.Break();
                writer.Text("- ");
                break;
            case HtmlTagId.TD or HtmlTagId.TH when !tag.IsEndTag:
                writer.Text(" ");
                break;
            case HtmlTagId.BlockQuote:
                writer.Break();
                writer.Quote(tag.IsEndTag ? -1 : 1);
                break;
            case HtmlTagId.P or HtmlTagId.Div or HtmlTagId.TR or HtmlTagId.Table or HtmlTagId.UL or HtmlTagId.OL
                or HtmlTagId.H1 or HtmlTagId.H2 or HtmlTagId.H3 or HtmlTagId.H4 or HtmlTagId.H5 or HtmlTagId.H6
                or HtmlTagId.HR or HtmlTagId.Pre or HtmlTagId.Address or HtmlTagId.Center:
                writer.Break();
                if (tag.Id is HtmlTagId.P && tag.IsEndTag)
                {
                    writer.BlankLine();
                }

                break;
            default:
                break;
        }

        return hidden;
    }

    /// <summary>Collects words into lines, collapsing HTML whitespace, with at most one blank line in a row.</summary>
    private sealed class LineWriter
    {
        private readonly StringBuilder _text = new();
        private readonly StringBuilder _line = new();
        private int _quoteDepth;
        private int _blankLines;

        public void Text(string data)
        {
            foreach (var c in data)
            {
                if (char.IsWhiteSpace(c) || c == '\u00a0')
                {
                    if (_line.Length > 0 && _line[^1] != ' ')
                    {
                        _line.Append(' ');
                    }
                }
                else
                {
                    _line.Append(c);
                }
            }
        }

        public void Quote(int change) => _quoteDepth = Math.Max(0, _quoteDepth + change);

        public void Break()
        {
            var line = _line.ToString().Trim();
            _line.Clear();
            if (line.Length == 0)
            {
                return;
            }

            _text.Append(new string('>', _quoteDepth)).Append(_quoteDepth > 0 ? " " : string.Empty).Append(line).Append('\n');
            _blankLines = 0;
        }

        public void BlankLine()
        {
            if (_text.Length > 0 && _blankLines == 0)
            {
                _text.Append('\n');
                _blankLines = 1;
            }
        }

        public override string ToString()
        {
            Break();
            return _text.ToString().Trim('\n');
        }
    }
}
