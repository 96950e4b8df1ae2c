using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace CallMyWay.Voice.Telephony.Sip.Messages;

/// <summary>A minimal <c>tel:</c> URI (RFC 3966): a global (<c>+</c>) or local number and its parameters.</summary>
/// <remarks>Carriers put tel: URIs in From, To and P-Asserted-Identity; this type reads the number out of them.</remarks>
public sealed class TelUri : IEquatable<TelUri>
{
    private TelUri(string number, SipParameters parameters)
    {
        Number = number;
        Parameters = parameters;
    }

    /// <summary>The number as written, visual separators included (<c>+1-305-644-5535</c>).</summary>
    public string Number { get; }

    /// <summary>Whether the number is global (E.164, starts with <c>+</c>).</summary>
    public bool IsGlobal => Number.StartsWith('+');

    /// <summary>The number without the visual separators <c>-</c>, <c>.</c>, <c>(</c> and <c>)</c>.</summary>
    public string Digits
    {
        get
        {
            var builder = new StringBuilder(Number.Length);
            foreach (var c in Number)
            {
                if (c is not ('-' or '.' or '(' or ')'))
                {
                    builder.Append(c);
                }
            }

            return builder.ToString();
        }
    }

    /// <summary>The parameters (<c>phone-context</c>, <c>ext</c>, <c>isub</c>, ...) as written.</summary>
    public SipParameters Parameters { get; }

    /// <summary>The <c>phone-context</c> parameter of a local number, or null.</summary>
    public string? PhoneContext => Parameters.GetValue("phone-context");

    /// <summary>Parses a tel: URI.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out TelUri? uri)
    {
        uri = null;
        return text is not null && TryParse(text.AsSpan(), out uri);
    }

    /// <summary>Parses a tel: URI; a local number needs a <c>phone-context</c> (RFC 3966 §5.1.5).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, [NotNullWhen(true)] out TelUri? uri)
    {
        uri = null;
        if (text.Length < 5 || !text[..4].Equals("tel:", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var rest = text[4..];
        var semicolon = rest.IndexOf(';');
        var number = semicolon < 0 ? rest : rest[..semicolon];
        var global = number.StartsWith('+');
        var digits = 0;
        for (var i = global ? 1 : 0; i < number.Length; i++)
        {
            var c = number[i];
            if (char.IsAsciiDigit(c) || (!global && (char.IsAsciiHexDigit(c) || c is '*' or '#')))
            {
                digits++;
            }
            else if (c is not ('-' or '.' or '(' or ')'))
            {
                return false;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        List<SipParameter>? parameters = null;
        if (semicolon >= 0)
        {
            foreach (var range in rest[(semicolon + 1)..].Split(';'))
            {
                var parameter = rest[(semicolon + 1)..][range];
                var equals = parameter.IndexOf('=');
                var name = equals < 0 ? parameter : parameter[..equals];
                var value = equals < 0 ? default : parameter[(equals + 1)..];
                if (!SipGrammar.IsToken(name) || (equals >= 0 && !SipGrammar.IsValidParamText(value)))
                {
                    return false;
                }

                (parameters ??= []).Add(new SipParameter(name.ToString(), equals < 0 ? null : value.ToString()));
            }
        }

        var result = new TelUri(number.ToString(), SipParameters.FromList(parameters));
        if (!global && result.PhoneContext is null)
        {
            return false;
        }

        uri = result;
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => $"tel:{Number}{Parameters}";

    /// <summary>Numbers compare without visual separators; parameters compare case-insensitively in order.</summary>
    public bool Equals(TelUri? other) =>
        other is not null
        && string.Equals(Digits, other.Digits, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Parameters.ToString(), other.Parameters.ToString(), StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as TelUri);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Digits);
}
