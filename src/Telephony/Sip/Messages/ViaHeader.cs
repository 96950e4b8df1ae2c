using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace CallMyWay.Voice.Telephony.Sip.Messages;

/// <summary>One Via value: sent-protocol, sent-by and parameters (RFC 3261 §20.42, RFC 3581 rport).</summary>
public sealed class ViaHeader
{
    private ViaHeader(string protocolName, string protocolVersion, string transport, string host, SipHostKind hostKind, int? port, SipParameters parameters)
    {
        ProtocolName = protocolName;
        ProtocolVersion = protocolVersion;
        Transport = transport;
        Host = host;
        HostKind = hostKind;
        Port = port;
        Parameters = parameters;
    }

    /// <summary>Creates <c>SIP/2.0/{transport} host[:port];branch=...</c>; an IPv6 host may come without brackets.</summary>
    public ViaHeader(string transport, string host, int? port, string branch)
    {
        ArgumentException.ThrowIfNullOrEmpty(transport);
        ArgumentException.ThrowIfNullOrEmpty(host);
        ArgumentException.ThrowIfNullOrEmpty(branch);
        if (!SipGrammar.IsToken(transport))
        {
            throw new ArgumentException($"'{transport}' is not a transport token.", nameof(transport));
        }

        host = SipGrammar.NormalizeHost(host);
        if (!SipGrammar.TryClassifyHost(host, out var kind))
        {
            throw new ArgumentException($"'{host}' is not a valid host.", nameof(host));
        }

        if (port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(port), port, "A port is between 0 and 65535.");
        }

        if (!SipGrammar.IsToken(branch))
        {
            throw new ArgumentException($"'{branch}' is not a token.", nameof(branch));
        }

        ProtocolName = "SIP";
        ProtocolVersion = "2.0";
        Transport = transport.ToUpperInvariant();
        Host = host;
        HostKind = kind;
        Port = port;
        Parameters = SipParameters.Empty.With("branch", branch);
    }

    /// <summary>The protocol name, normally <c>SIP</c>.</summary>
    public string ProtocolName { get; }

    /// <summary>The protocol version, normally <c>2.0</c>.</summary>
    public string ProtocolVersion { get; }

    /// <summary>The transport in upper case: UDP, TCP, TLS, SCTP, WS, WSS or an extension token.</summary>
    public string Transport { get; }

    /// <summary>The sent-by host as written; an IPv6 reference keeps its brackets.</summary>
    public string Host { get; }

    /// <summary>Whether the sent-by host is a domain name, an IPv4 address or an IPv6 reference.</summary>
    public SipHostKind HostKind { get; }

    /// <summary>The sent-by port, or null when absent (5060, or 5061 for TLS, applies).</summary>
    public int? Port { get; }

    /// <summary><c>host[:port]</c> as used in RFC 3261 §17.2.3 transaction matching.</summary>
    public string SentBy => Port is { } port ? $"{Host}:{port.ToString(CultureInfo.InvariantCulture)}" : Host;

    /// <summary>The Via parameters in order.</summary>
    public SipParameters Parameters { get; }

    /// <summary>The <c>branch</c> parameter, or null for an RFC 2543 peer.</summary>
    public string? Branch => Parameters.GetValue("branch");

    /// <summary>Whether the branch starts with the RFC 3261 magic cookie <c>z9hG4bK</c> (§8.1.1.7).</summary>
    public bool HasMagicCookie => Branch?.StartsWith(SipIdentifiers.MagicCookie, StringComparison.Ordinal) == true;

    /// <summary>The <c>received</c> parameter (RFC 3261 §18.2.1), or null.</summary>
    public string? Received => Parameters.GetValue("received");

    /// <summary>Whether <c>rport</c> is present, with or without a value (RFC 3581 §3).</summary>
    public bool HasRPort => Parameters.Contains("rport");

    /// <summary>The value of <c>rport</c>, or null when absent or a bare flag.</summary>
    public int? RPort =>
        Parameters.GetValue("rport") is { } value && SipGrammar.TryParsePort(value, out var port) ? port : null;

    /// <summary>The <c>maddr</c> parameter, or null.</summary>
    public string? Maddr => Parameters.GetValue("maddr");

    /// <summary>The <c>ttl</c> parameter, or null.</summary>
    public int? Ttl =>
        Parameters.GetValue("ttl") is { } value && SipGrammar.TryParseBoundedNumber(value, 255, out var ttl) ? (int)ttl : null;

    /// <summary>Parses a single via-parm; throws <see cref="FormatException"/> when malformed.</summary>
    public static ViaHeader Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var via) ? via : throw new FormatException($"'{text}' is not a valid Via value.");
    }

    /// <summary>Parses a single via-parm (one element of a Via header list).</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out ViaHeader? via)
    {
        via = null;
        return text is not null && TryParse(text.AsSpan(), lenient: false, out via);
    }

    /// <summary>Parses a single via-parm (RFC 3261 §25.1).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, [NotNullWhen(true)] out ViaHeader? via) =>
        TryParse(text, lenient: false, out via);

    /// <summary>Parses a whole Via header value, which may hold several comma-separated via-parms.</summary>
    /// <param name="value">The header field value.</param>
    /// <param name="lenient">Skip empty list elements and parameters, to address a 400 to a sloppy peer.</param>
    /// <param name="into">Receives the values in order.</param>
    internal static bool TryParseList(string value, bool lenient, List<ViaHeader> into)
    {
        var elements = new List<string>();
        SipHeaderValueSplitter.Split(value, elements, keepEmpty: !lenient);
        if (elements.Count == 0)
        {
            return false;
        }

        foreach (var element in elements)
        {
            if (TryParse(element, lenient, out var via))
            {
                into.Add(via);
            }
            else if (!lenient)
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryParse(ReadOnlySpan<char> text, bool lenient, [NotNullWhen(true)] out ViaHeader? via)
    {
        via = null;
        var reader = new SipValueReader(text);
        reader.SkipWhitespace();

        // sent-protocol = protocol-name SLASH protocol-version SLASH transport, with LWS allowed around the slashes.
        var name = reader.ReadToken();
        if (name.IsEmpty || !reader.TryConsumeSeparator('/'))
        {
            return false;
        }

        var version = reader.ReadToken();
        if (version.IsEmpty || !reader.TryConsumeSeparator('/'))
        {
            return false;
        }

        var transport = reader.ReadToken();
        if (transport.IsEmpty || reader.End || !SipGrammar.IsWhitespace(reader.Current))
        {
            return false;
        }

        reader.SkipWhitespace();
        ReadOnlySpan<char> host;
        if (!reader.End && reader.Current == '[')
        {
            var close = reader.Remaining.IndexOf(']');
            if (close < 0)
            {
                return false;
            }

            host = reader.Remaining[..(close + 1)];
            reader.Advance(close + 1);
        }
        else
        {
            host = reader.ReadToken();
        }

        if (!SipGrammar.TryClassifyHost(host, out var hostKind))
        {
            return false;
        }

        int? port = null;
        if (reader.TryConsumeSeparator(':'))
        {
            var start = reader.Position;
            while (!reader.End && char.IsAsciiDigit(reader.Current))
            {
                reader.Advance(1);
            }

            if (!SipGrammar.TryParsePort(text[start..reader.Position], out var portValue))
            {
                return false;
            }

            port = portValue;
        }

        if (!reader.TryReadParameters(lenient, out var parameters) || !AreKnownParametersValid(parameters))
        {
            return false;
        }

        via = new ViaHeader(name.ToString(), version.ToString(), transport.ToString().ToUpperInvariant(), host.ToString(), hostKind, port, parameters);
        return true;
    }

    // RFC 3261 §20.42 and RFC 3581: ttl is 0-255, maddr a host, received an address, branch a token, rport a port.
    private static bool AreKnownParametersValid(SipParameters parameters)
    {
        foreach (var parameter in parameters)
        {
            var value = parameter.Value;
            var valid = parameter.Name.ToUpperInvariant() switch
            {
                "BRANCH" => value is not null && SipGrammar.IsToken(value),
                "TTL" => value is not null && SipGrammar.TryParseBoundedNumber(value, 255, out _),
                "MADDR" => value is not null && SipGrammar.TryClassifyHost(value, out _),
                "RECEIVED" => value is not null
                    && (SipGrammar.IsIPv4Address(value) || SipGrammar.IsIPv6Address(value.AsSpan().Trim("[]"))),
                "RPORT" => value is null || SipGrammar.TryParsePort(value, out _),
                _ => true,
            };

            if (!valid)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Returns a copy with a parameter set (null value for a flag).</summary>
    public ViaHeader WithParameter(string name, string? value) =>
        new(ProtocolName, ProtocolVersion, Transport, Host, HostKind, Port, Parameters.With(name, value));

    /// <summary>Returns a copy with <c>received</c> set to the source address (RFC 3261 §18.2.1).</summary>
    public ViaHeader WithReceived(string address) => WithParameter("received", address);

    /// <summary>Returns a copy with <c>rport</c> filled in with the source port (RFC 3581 §4).</summary>
    public ViaHeader WithRPort(int port) =>
        port is < 0 or > 65535
            ? throw new ArgumentOutOfRangeException(nameof(port), port, "A port is between 0 and 65535.")
            : WithParameter("rport", port.ToString(CultureInfo.InvariantCulture));

    /// <summary>Writes <c>SIP/2.0/UDP host:port;params</c>.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder(64)
            .Append(ProtocolName).Append('/').Append(ProtocolVersion).Append('/').Append(Transport)
            .Append(' ').Append(SentBy);
        Parameters.AppendTo(builder);
        return builder.ToString();
    }
}
