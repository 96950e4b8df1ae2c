using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace CallMyWay.Voice.Telephony.Sip.Messages;

/// <summary>A SIP method name: one of the well-known methods or an extension token (RFC 3261 §7.1).</summary>
/// <remarks>Method names are case-sensitive: <c>invite</c> is an extension method, not INVITE.</remarks>
public sealed class SipMethod : IEquatable<SipMethod>
{
    private static readonly SipMethod[] WellKnown =
    [
        new("INVITE", SipMethodKind.Invite),
        new("ACK", SipMethodKind.Ack),
        new("BYE", SipMethodKind.Bye),
        new("CANCEL", SipMethodKind.Cancel),
        new("OPTIONS", SipMethodKind.Options),
        new("REGISTER", SipMethodKind.Register),
        new("INFO", SipMethodKind.Info),
        new("UPDATE", SipMethodKind.Update),
        new("PRACK", SipMethodKind.Prack),
        new("SUBSCRIBE", SipMethodKind.Subscribe),
        new("NOTIFY", SipMethodKind.Notify),
        new("REFER", SipMethodKind.Refer),
        new("MESSAGE", SipMethodKind.Message),
    ];

    private SipMethod(string name, SipMethodKind kind)
    {
        Name = name;
        Kind = kind;
    }

    /// <summary>INVITE (RFC 3261).</summary>
    public static SipMethod Invite => WellKnown[0];

    /// <summary>ACK (RFC 3261).</summary>
    public static SipMethod Ack => WellKnown[1];

    /// <summary>BYE (RFC 3261).</summary>
    public static SipMethod Bye => WellKnown[2];

    /// <summary>CANCEL (RFC 3261).</summary>
    public static SipMethod Cancel => WellKnown[3];

    /// <summary>OPTIONS (RFC 3261).</summary>
    public static SipMethod Options => WellKnown[4];

    /// <summary>REGISTER (RFC 3261).</summary>
    public static SipMethod Register => WellKnown[5];

    /// <summary>INFO (RFC 6086).</summary>
    public static SipMethod Info => WellKnown[6];

    /// <summary>UPDATE (RFC 3311).</summary>
    public static SipMethod Update => WellKnown[7];

    /// <summary>PRACK (RFC 3262).</summary>
    public static SipMethod Prack => WellKnown[8];

    /// <summary>SUBSCRIBE (RFC 6665).</summary>
    public static SipMethod Subscribe => WellKnown[9];

    /// <summary>NOTIFY (RFC 6665).</summary>
    public static SipMethod Notify => WellKnown[10];

    /// <summary>REFER (RFC 3515).</summary>
    public static SipMethod Refer => WellKnown[11];

    /// <summary>MESSAGE (RFC 3428).</summary>
    public static SipMethod Message => WellKnown[12];

    /// <summary>The method token as written on the wire.</summary>
    public string Name { get; }

    /// <summary>Which well-known method this is, or <see cref="SipMethodKind.Extension"/>.</summary>
    public SipMethodKind Kind { get; }

    /// <summary>Whether this is a method the stack has no constant for.</summary>
    public bool IsExtension => Kind == SipMethodKind.Extension;

    /// <summary>Parses a method token; throws <see cref="FormatException"/> when it is not a token.</summary>
    public static SipMethod Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return TryParse(name, out var method) ? method : throw new FormatException($"'{name}' is not a SIP method token.");
    }

    /// <summary>Parses a method token, returning the shared instance for well-known methods.</summary>
    public static bool TryParse(ReadOnlySpan<char> name, [NotNullWhen(true)] out SipMethod? method)
    {
        foreach (var known in WellKnown)
        {
            if (name.SequenceEqual(known.Name))
            {
                method = known;
                return true;
            }
        }

        method = SipGrammar.IsToken(name) ? new SipMethod(name.ToString(), SipMethodKind.Extension) : null;
        return method is not null;
    }

    internal static SipMethod? FromAscii(ReadOnlySpan<byte> name)
    {
        if (!SipGrammar.IsToken(name))
        {
            return null;
        }

        foreach (var known in WellKnown)
        {
            if (name.Length == known.Name.Length && Ascii.Equals(name, known.Name))
            {
                return known;
            }
        }

        return new SipMethod(Encoding.ASCII.GetString(name), SipMethodKind.Extension);
    }

    /// <inheritdoc />
    public bool Equals(SipMethod? other) => other is not null && string.Equals(Name, other.Name, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SipMethod);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);

    /// <inheritdoc />
    public override string ToString() => Name;

    /// <summary>Compares method names case-sensitively.</summary>
    public static bool operator ==(SipMethod? left, SipMethod? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares method names case-sensitively.</summary>
    public static bool operator !=(SipMethod? left, SipMethod? right) => !(left == right);
}
