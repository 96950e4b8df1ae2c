using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace CallMyWay.Voice.Telephony.Sip.Messages;

/// <summary>An immutable <c>sip:</c> or <c>sips:</c> URI (RFC 3261 §19.1) with RFC 3261 §19.1.4 equality.</summary>
/// <remarks>
/// Escaped parts keep the form they arrived in (<see cref="RawUser"/>, parameter texts, <see cref="RawHeaders"/>),
/// so that <see cref="ToString"/> gives back an equivalent URI; the unescaped forms are offered alongside.
/// </remarks>
public sealed class SipUri : IEquatable<SipUri>
{
    private string? _text;

    private SipUri(bool secure, string? rawUser, string? rawPassword, string host, SipHostKind hostKind, int? port, SipParameters parameters, string? rawHeaders)
    {
        IsSecure = secure;
        RawUser = rawUser;
        RawPassword = rawPassword;
        Host = host;
        HostKind = hostKind;
        Port = port;
        Parameters = parameters;
        RawHeaders = rawHeaders;
    }

    /// <summary>Creates a URI from unescaped parts; an IPv6 host may be given with or without brackets.</summary>
    /// <exception cref="ArgumentException">The host, port or user cannot stand in a SIP URI.</exception>
    public SipUri(string host, int? port = null, string? user = null, bool secure = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        host = SipGrammar.NormalizeHost(host);
        if (!SipGrammar.TryClassifyHost(host, out var kind))
        {
            throw new ArgumentException($"'{host}' is not a valid host.", nameof(host));
        }

        if (port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(port), port, "A port is between 0 and 65535.");
        }

        if (user is { Length: 0 })
        {
            throw new ArgumentException("A user part cannot be empty; pass null for none.", nameof(user));
        }

        IsSecure = secure;
        RawUser = user is null ? null : SipGrammar.EscapeUser(user);
        Host = host;
        HostKind = kind;
        Port = port;
        Parameters = SipParameters.Empty;
    }

    /// <summary><c>sip</c> or <c>sips</c>.</summary>
    public string Scheme => IsSecure ? "sips" : "sip";

    /// <summary>Whether this is a <c>sips:</c> URI.</summary>
    public bool IsSecure { get; }

    /// <summary>The user part as it was written, escapes included, or null when there is none.</summary>
    public string? RawUser { get; }

    /// <summary>The user part with %HH escapes decoded, or null when there is none.</summary>
    public string? User => RawUser is null ? null : SipGrammar.Unescape(RawUser);

    /// <summary>The password as it was written, or null when there is none.</summary>
    public string? RawPassword { get; }

    /// <summary>The password with escapes decoded, or null when there is none.</summary>
    public string? Password => RawPassword is null ? null : SipGrammar.Unescape(RawPassword);

    /// <summary>The host as written; an IPv6 reference keeps its brackets (<c>[::1]</c>).</summary>
    public string Host { get; }

    /// <summary>Whether the host is a domain name, an IPv4 address or an IPv6 reference.</summary>
    public SipHostKind HostKind { get; }

    /// <summary>The explicit port, or null when the URI has none (the transport default applies).</summary>
    public int? Port { get; }

    /// <summary>The URI parameters in order, names and values as written.</summary>
    public SipParameters Parameters { get; }

    /// <summary>The header part after <c>?</c> as written, or null when there is none.</summary>
    public string? RawHeaders { get; }

    /// <summary>The header part as unescaped name/value pairs.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers
    {
        get
        {
            if (RawHeaders is null)
            {
                return [];
            }

            var result = new List<KeyValuePair<string, string>>();
            foreach (var range in RawHeaders.AsSpan().Split('&'))
            {
                var pair = RawHeaders.AsSpan()[range];
                var equals = pair.IndexOf('=');
                result.Add(new(SipGrammar.Unescape(pair[..equals]), SipGrammar.Unescape(pair[(equals + 1)..])));
            }

            return result;
        }
    }

    /// <summary>The <c>transport</c> parameter, or null.</summary>
    public string? Transport => GetParameter("transport");

    /// <summary>Whether the <c>lr</c> parameter is present (loose routing, RFC 3261 §19.1.1).</summary>
    public bool IsLooseRouter => Parameters.Contains("lr");

    /// <summary>The <c>user</c> parameter (for example <c>phone</c>), or null.</summary>
    public string? UserParameter => GetParameter("user");

    /// <summary>The <c>maddr</c> parameter, or null.</summary>
    public string? Maddr => GetParameter("maddr");

    /// <summary>The <c>method</c> parameter, or null.</summary>
    public string? MethodParameter => GetParameter("method");

    /// <summary>The <c>ttl</c> parameter when it is a number from 0 to 255, else null.</summary>
    public int? Ttl =>
        GetParameter("ttl") is { } ttl && SipGrammar.TryParseBoundedNumber(ttl, 255, out var value) ? (int)value : null;

    /// <summary>The unescaped value of a parameter, or null when it is absent or a flag.</summary>
    public string? GetParameter(string name) => Parameters.GetValue(name) is { } value ? SipGrammar.Unescape(value) : null;

    /// <summary>Parses a SIP or SIPS URI; throws <see cref="FormatException"/> when it is malformed.</summary>
    public static SipUri Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var uri) ? uri : throw new FormatException($"'{text}' is not a valid SIP URI.");
    }

    /// <summary>Parses a SIP or SIPS URI.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out SipUri? uri)
    {
        uri = null;
        return text is not null && TryParse(text.AsSpan(), out uri);
    }

    /// <summary>Parses a SIP or SIPS URI (RFC 3261 §25.1 SIP-URI / SIPS-URI).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, [NotNullWhen(true)] out SipUri? uri)
    {
        uri = null;
        var colon = text.IndexOf(':');
        if (colon < 0)
        {
            return false;
        }

        var scheme = text[..colon];
        bool secure;
        if (scheme.Equals("sip", StringComparison.OrdinalIgnoreCase))
        {
            secure = false;
        }
        else if (scheme.Equals("sips", StringComparison.OrdinalIgnoreCase))
        {
            secure = true;
        }
        else
        {
            return false;
        }

        var rest = text[(colon + 1)..];
        string? rawUser = null;
        string? rawPassword = null;

        // The user, password, parameters and headers cannot hold a bare '@', so one '@' ends the userinfo.
        var at = rest.IndexOf('@');
        if (at >= 0)
        {
            var userInfo = rest[..at];
            rest = rest[(at + 1)..];
            if (rest.Contains('@'))
            {
                return false;
            }

            var passwordColon = userInfo.IndexOf(':');
            var user = passwordColon < 0 ? userInfo : userInfo[..passwordColon];
            if (!SipGrammar.IsValidUser(user))
            {
                return false;
            }

            rawUser = user.ToString();
            if (passwordColon >= 0)
            {
                var password = userInfo[(passwordColon + 1)..];
                if (!SipGrammar.IsValidPassword(password))
                {
                    return false;
                }

                rawPassword = password.ToString();
            }
        }

        int hostEnd;
        if (rest.StartsWith('['))
        {
            hostEnd = rest.IndexOf(']') + 1;
            if (hostEnd <= 0)
            {
                return false;
            }
        }
        else
        {
            hostEnd = rest.IndexOfAny(':', ';', '?');
            if (hostEnd < 0)
            {
                hostEnd = rest.Length;
            }
        }

        var host = rest[..hostEnd];
        if (!SipGrammar.TryClassifyHost(host, out var hostKind))
        {
            return false;
        }

        rest = rest[hostEnd..];
        int? port = null;
        if (rest.StartsWith(':'))
        {
            var portEnd = rest.IndexOfAny(';', '?');
            var portText = portEnd < 0 ? rest[1..] : rest[1..portEnd];
            if (!SipGrammar.TryParsePort(portText, out var portValue))
            {
                return false;
            }

            port = portValue;
            rest = portEnd < 0 ? default : rest[portEnd..];
        }

        List<SipParameter>? parameters = null;
        while (rest.StartsWith(';'))
        {
            var end = rest[1..].IndexOfAny(';', '?');
            var parameter = end < 0 ? rest[1..] : rest[1..(end + 1)];
            rest = end < 0 ? default : rest[(end + 1)..];
            var equals = parameter.IndexOf('=');
            var name = equals < 0 ? parameter : parameter[..equals];
            if (!SipGrammar.IsValidParamText(name))
            {
                return false;
            }

            string? value = null;
            if (equals >= 0)
            {
                var valueText = parameter[(equals + 1)..];
                if (!SipGrammar.IsValidParamText(valueText))
                {
                    return false;
                }

                value = valueText.ToString();
            }

            (parameters ??= []).Add(new SipParameter(name.ToString(), value));
        }

        string? rawHeaders = null;
        if (rest.StartsWith('?'))
        {
            var headers = rest[1..];
            foreach (var range in headers.Split('&'))
            {
                var pair = headers[range];
                var equals = pair.IndexOf('=');
                if (equals <= 0 || !SipGrammar.IsValidUriHeaderText(pair[..equals]) || !SipGrammar.IsValidUriHeaderText(pair[(equals + 1)..]))
                {
                    return false;
                }
            }

            rawHeaders = headers.ToString();
            rest = default;
        }

        if (!rest.IsEmpty)
        {
            return false;
        }

        uri = new SipUri(secure, rawUser, rawPassword, host.ToString(), hostKind, port, SipParameters.FromList(parameters), rawHeaders);
        return true;
    }

    /// <summary>Returns a copy with another user part (unescaped; null removes it).</summary>
    public SipUri WithUser(string? user)
    {
        if (user is { Length: 0 })
        {
            throw new ArgumentException("A user part cannot be empty; pass null for none.", nameof(user));
        }

        return new(IsSecure, user is null ? null : SipGrammar.EscapeUser(user), user is null ? null : RawPassword, Host, HostKind, Port, Parameters, RawHeaders);
    }

    /// <summary>Returns a copy with another host (an IPv6 address may come without brackets).</summary>
    public SipUri WithHost(string host)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        host = SipGrammar.NormalizeHost(host);
        return SipGrammar.TryClassifyHost(host, out var kind)
            ? new(IsSecure, RawUser, RawPassword, host, kind, Port, Parameters, RawHeaders)
            : throw new ArgumentException($"'{host}' is not a valid host.", nameof(host));
    }

    /// <summary>Returns a copy with another port (null removes it).</summary>
    public SipUri WithPort(int? port) =>
        port is < 0 or > 65535
            ? throw new ArgumentOutOfRangeException(nameof(port), port, "A port is between 0 and 65535.")
            : new(IsSecure, RawUser, RawPassword, Host, HostKind, port, Parameters, RawHeaders);

    /// <summary>Returns a copy with a URI parameter set (null value for a flag such as <c>lr</c>).</summary>
    public SipUri WithParameter(string name, string? value = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!SipGrammar.IsValidParamText(name) || (value is not null && !SipGrammar.IsValidParamText(value)))
        {
            throw new ArgumentException($"'{name}={value}' is not a valid URI parameter.", nameof(name));
        }

        return new(IsSecure, RawUser, RawPassword, Host, HostKind, Port, Parameters.With(name, value), RawHeaders);
    }

    /// <summary>Returns a copy without the named URI parameter.</summary>
    public SipUri WithoutParameter(string name) =>
        new(IsSecure, RawUser, RawPassword, Host, HostKind, Port, Parameters.Without(name), RawHeaders);

    /// <summary>Returns a copy without the header part (for example before using a URI as a Request-URI).</summary>
    public SipUri WithoutHeaders() =>
        RawHeaders is null ? this : new(IsSecure, RawUser, RawPassword, Host, HostKind, Port, Parameters, null);

    /// <summary>Writes the URI; escaped parts are written as they arrived.</summary>
    public override string ToString() => _text ??= Format();

    private string Format()
    {
        var builder = new StringBuilder(64).Append(Scheme).Append(':');
        if (RawUser is not null)
        {
            builder.Append(RawUser);
            if (RawPassword is not null)
            {
                builder.Append(':').Append(RawPassword);
            }

            builder.Append('@');
        }

        builder.Append(Host);
        if (Port is { } port)
        {
            builder.Append(':').Append(port.ToString(CultureInfo.InvariantCulture));
        }

        Parameters.AppendTo(builder);
        if (RawHeaders is not null)
        {
            builder.Append('?').Append(RawHeaders);
        }

        return builder.ToString();
    }

    /// <summary>Compares as RFC 3261 §19.1.4 says: user and password case-sensitively after unescaping,
    /// host case-insensitively, ports only when both or neither have one, parameters and headers by its rules.</summary>
    public bool Equals(SipUri? other)
    {
        if (other is null)
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (IsSecure != other.IsSecure
            || !string.Equals(User, other.User, StringComparison.Ordinal)
            || !string.Equals(Password, other.Password, StringComparison.Ordinal)
            || !string.Equals(Host, other.Host, StringComparison.OrdinalIgnoreCase)
            || Port != other.Port)
        {
            return false;
        }

        return ParametersMatch(this, other) && ParametersMatch(other, this) && HeadersMatch(this, other) && HeadersMatch(other, this);
    }

    // Any parameter in both must match; user, ttl, method and maddr must not appear in only one (RFC 3261 §19.1.4).
    // Nor may transport: the section's own examples hold sip:bob@biloxi.com and ...;transport=udp to differ.
    private static bool ParametersMatch(SipUri left, SipUri right)
    {
        foreach (var parameter in left.Parameters)
        {
            var name = SipGrammar.Unescape(parameter.Name);
            if (right.Parameters.TryGetValue(name, out var otherValue))
            {
                var value = parameter.Value is null ? null : SipGrammar.Unescape(parameter.Value);
                var other = otherValue is null ? null : SipGrammar.Unescape(otherValue);
                if (!string.Equals(value, other, StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }
            }
            else if (name.Equals("user", StringComparison.OrdinalIgnoreCase)
                || name.Equals("ttl", StringComparison.OrdinalIgnoreCase)
                || name.Equals("method", StringComparison.OrdinalIgnoreCase)
                || name.Equals("maddr", StringComparison.OrdinalIgnoreCase)
                || name.Equals("transport", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    // URI header components are never ignored: each must be present in both and match.
    private static bool HeadersMatch(SipUri left, SipUri right)
    {
        var rightHeaders = right.Headers;
        foreach (var header in left.Headers)
        {
            var found = false;
            foreach (var candidate in rightHeaders)
            {
                if (string.Equals(header.Key, candidate.Key, StringComparison.OrdinalIgnoreCase)
                    && string.Equals(header.Value, candidate.Value, StringComparison.Ordinal))
                {
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SipUri);

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(IsSecure, User, StringComparer.OrdinalIgnoreCase.GetHashCode(Host), Port);

    /// <summary>RFC 3261 §19.1.4 equality.</summary>
    public static bool operator ==(SipUri? left, SipUri? right) => left is null ? right is null : left.Equals(right);

    /// <summary>RFC 3261 §19.1.4 inequality.</summary>
    public static bool operator !=(SipUri? left, SipUri? right) => !(left == right);
}
