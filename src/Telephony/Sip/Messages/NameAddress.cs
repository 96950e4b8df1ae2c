using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace CallMyWay.Voice.Telephony.Sip.Messages;

/// <summary>
/// An address with optional display name and header parameters, as in From, To, Contact, Route and
/// Record-Route (RFC 3261 §20.10, §25.1 name-addr / addr-spec); also the Contact wildcard <c>*</c>.
/// </summary>
/// <remarks>
/// The URI is kept as written in <see cref="UriText"/> and parsed into <see cref="Uri"/> for sip/sips or
/// <see cref="TelUri"/> for tel; other schemes are accepted syntactically and carried as text.
/// </remarks>
public sealed class NameAddress
{
    private NameAddress(string? displayName, string uriText, SipUri? uri, TelUri? telUri, SipParameters parameters, bool isWildcard)
    {
        DisplayName = displayName;
        UriText = uriText;
        Uri = uri;
        TelUri = telUri;
        Parameters = parameters;
        IsWildcard = isWildcard;
    }

    /// <summary>Creates a name-addr from a SIP URI.</summary>
    public NameAddress(SipUri uri, string? displayName = null, SipParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(uri);
        Uri = uri;
        UriText = uri.ToString();
        DisplayName = displayName;
        Parameters = parameters ?? SipParameters.Empty;
    }

    /// <summary>The Contact wildcard <c>*</c> used to remove all bindings (RFC 3261 §10.2.2).</summary>
    public static NameAddress Wildcard { get; } = new(null, "*", null, null, SipParameters.Empty, isWildcard: true);

    /// <summary>Whether this is the Contact wildcard <c>*</c>.</summary>
    public bool IsWildcard { get; }

    /// <summary>The display name without quotes and escapes, or null when there is none.</summary>
    public string? DisplayName { get; }

    /// <summary>The URI as written between the angle brackets (or the bare addr-spec).</summary>
    public string UriText { get; }

    /// <summary>The URI when its scheme is sip or sips, else null.</summary>
    public SipUri? Uri { get; }

    /// <summary>The URI when its scheme is tel, else null.</summary>
    public TelUri? TelUri { get; }

    /// <summary>The header parameters (after the URI), such as <c>tag</c>, <c>expires</c>, <c>q</c>.</summary>
    public SipParameters Parameters { get; }

    /// <summary>The <c>tag</c> parameter (RFC 3261 §19.3), or null.</summary>
    public string? Tag => Parameters.GetValue("tag");

    /// <summary>The <c>expires</c> parameter in seconds, or null when absent or not a 32-bit number.</summary>
    public long? Expires =>
        Parameters.GetValue("expires") is { } value && SipGrammar.TryParseBoundedNumber(value, uint.MaxValue, out var seconds)
            ? seconds
            : null;

    /// <summary>The <c>q</c> preference from 0 to 1, or null when absent or malformed.</summary>
    public double? Q =>
        Parameters.GetValue("q") is { } value
        && double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var q)
        && q is >= 0 and <= 1
            ? q
            : null;

    /// <summary>The user of a SIP URI, or the number of a tel URI; null otherwise.</summary>
    public string? User => Uri?.User ?? TelUri?.Number;

    /// <summary>Parses one From/To/Contact/Route value; throws <see cref="FormatException"/> when malformed.</summary>
    public static NameAddress Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var address) ? address : throw new FormatException($"'{text}' is not a valid name-addr or addr-spec.");
    }

    /// <summary>Parses one value; the Contact wildcard <c>*</c> is accepted.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out NameAddress? address)
    {
        address = null;
        return text is not null && TryParse(text.AsSpan(), out address);
    }

    /// <summary>Parses one value (RFC 3261 §25.1: <c>( name-addr / addr-spec ) *( SEMI generic-param )</c>).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, [NotNullWhen(true)] out NameAddress? address)
    {
        address = null;
        var reader = new SipValueReader(text);
        reader.SkipWhitespace();
        if (reader.End)
        {
            return false;
        }

        if (reader.Remaining.TrimEnd(" \t").SequenceEqual("*"))
        {
            address = Wildcard;
            return true;
        }

        string? displayName = null;
        var bracketed = false;
        if (reader.Current == '"')
        {
            if (!reader.TryReadQuotedString(out var quoted, out _))
            {
                return false;
            }

            displayName = quoted;
            reader.SkipWhitespace();
            if (!reader.TryConsume('<'))
            {
                return false;
            }

            bracketed = true;
        }
        else if (reader.TryConsume('<'))
        {
            bracketed = true;
        }
        else
        {
            // display-name = *(token LWS); if the tokens do not lead to '<' this is an addr-spec.
            var start = reader.Position;
            var words = new StringBuilder();
            while (true)
            {
                var word = reader.ReadToken();
                if (word.IsEmpty)
                {
                    break;
                }

                if (words.Length > 0)
                {
                    words.Append(' ');
                }

                words.Append(word);
                reader.SkipWhitespace();
            }

            if (!reader.End && reader.Current == '<' && words.Length > 0)
            {
                reader.TryConsume('<');
                displayName = words.ToString();
                bracketed = true;
            }
            else
            {
                reader = new SipValueReader(text);
                reader.SkipWhitespace();
            }
        }

        ReadOnlySpan<char> uriText;
        if (bracketed)
        {
            var close = reader.Remaining.IndexOf('>');
            if (close < 0)
            {
                return false;
            }

            uriText = reader.Remaining[..close];
            reader.Advance(close + 1);
        }
        else
        {
            // RFC 3261 §20.10: a URI with a comma, question mark or semicolon needs the name-addr form.
            uriText = reader.ReadUntil(';', ';');
            if (uriText.ContainsAny('?', ','))
            {
                return false;
            }
        }

        if (!TryParseUri(uriText, out var sipUri, out var telUri))
        {
            return false;
        }

        if (!reader.TryReadParameters(lenient: false, out var parameters))
        {
            return false;
        }

        address = new NameAddress(displayName, uriText.ToString(), sipUri, telUri, parameters, isWildcard: false);
        return true;
    }

    private static bool TryParseUri(ReadOnlySpan<char> text, out SipUri? sipUri, out TelUri? telUri)
    {
        sipUri = null;
        telUri = null;
        var colon = text.IndexOf(':');
        if (colon <= 0 || colon == text.Length - 1)
        {
            return false;
        }

        var scheme = text[..colon];
        if (scheme.Equals("sip", StringComparison.OrdinalIgnoreCase) || scheme.Equals("sips", StringComparison.OrdinalIgnoreCase))
        {
            return SipUri.TryParse(text, out sipUri);
        }

        if (scheme.Equals("tel", StringComparison.OrdinalIgnoreCase))
        {
            return TelUri.TryParse(text, out telUri);
        }

        return IsAbsoluteUri(text);
    }

    // RFC 3261 §25.1 absoluteURI: scheme ":" ( hier-part / opaque-part ); no whitespace, quotes or brackets.
    internal static bool IsAbsoluteUri(ReadOnlySpan<char> text)
    {
        var colon = text.IndexOf(':');
        if (colon <= 0 || colon == text.Length - 1 || !char.IsAsciiLetter(text[0]))
        {
            return false;
        }

        foreach (var c in text[..colon])
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return false;
            }
        }

        foreach (var c in text[(colon + 1)..])
        {
            if (c <= ' ' || c >= 0x7F || c is '<' or '>' or '"' or '\\' or '^' or '`' or '{' or '|' or '}')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Returns a copy with the <c>tag</c> parameter set.</summary>
    public NameAddress WithTag(string tag)
    {
        ArgumentException.ThrowIfNullOrEmpty(tag);
        if (!SipGrammar.IsToken(tag))
        {
            throw new ArgumentException($"'{tag}' is not a token.", nameof(tag));
        }

        return WithParameter("tag", tag);
    }

    /// <summary>Returns a copy with a header parameter set (null value for a flag).</summary>
    public NameAddress WithParameter(string name, string? value)
    {
        ThrowIfWildcard();
        return new(DisplayName, UriText, Uri, TelUri, Parameters.With(name, value), isWildcard: false);
    }

    /// <summary>Returns a copy without the named header parameter.</summary>
    public NameAddress WithoutParameter(string name)
    {
        ThrowIfWildcard();
        return new(DisplayName, UriText, Uri, TelUri, Parameters.Without(name), isWildcard: false);
    }

    /// <summary>Returns a copy with another display name (null removes it).</summary>
    public NameAddress WithDisplayName(string? displayName)
    {
        ThrowIfWildcard();
        return new(displayName, UriText, Uri, TelUri, Parameters, isWildcard: false);
    }

    private void ThrowIfWildcard()
    {
        if (IsWildcard)
        {
            throw new InvalidOperationException("The Contact wildcard carries no URI or parameters.");
        }
    }

    /// <summary>Writes the name-addr form: <c>"Display" &lt;uri&gt;;param=value</c>.</summary>
    public override string ToString()
    {
        if (IsWildcard)
        {
            return "*";
        }

        var builder = new StringBuilder(UriText.Length + 32);
        if (DisplayName is not null)
        {
            builder.Append(SipGrammar.Quote(DisplayName)).Append(' ');
        }

        builder.Append('<').Append(UriText).Append('>');
        Parameters.AppendTo(builder);
        return builder.ToString();
    }
}
