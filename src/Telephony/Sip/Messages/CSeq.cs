using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CallMyWay.Voice.Telephony.Sip.Messages;

/// <summary>The CSeq header: a 32-bit sequence number and the request method (RFC 3261 §20.16).</summary>
/// <param name="Number">The sequence number (RFC 3261 §8.1.1.5: an unsigned 32-bit integer).</param>
/// <param name="Method">The method of the request this CSeq belongs to.</param>
public sealed record CSeq(uint Number, SipMethod Method)
{
    /// <summary>The method; never null.</summary>
    public SipMethod Method { get; init; } = Method ?? throw new ArgumentNullException(nameof(Method));

    /// <summary>Parses <c>1*DIGIT LWS Method</c>; throws <see cref="FormatException"/> when malformed.</summary>
    public static CSeq Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var cseq) ? cseq : throw new FormatException($"'{text}' is not a valid CSeq.");
    }

    /// <summary>Parses <c>1*DIGIT LWS Method</c>; numbers beyond 2^32-1 are rejected (RFC 4475 §3.1.2.4).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, [NotNullWhen(true)] out CSeq? cseq)
    {
        cseq = null;
        var reader = new SipValueReader(text);
        reader.SkipWhitespace();
        var start = reader.Position;
        while (!reader.End && char.IsAsciiDigit(reader.Current))
        {
            reader.Advance(1);
        }

        if (!SipGrammar.TryParseBoundedNumber(text[start..reader.Position], uint.MaxValue, out var number)
            || reader.End || !SipGrammar.IsWhitespace(reader.Current))
        {
            return false;
        }

        reader.SkipWhitespace();
        var method = reader.ReadToken();
        reader.SkipWhitespace();
        if (!reader.End || !SipMethod.TryParse(method, out var parsed))
        {
            return false;
        }

        cseq = new CSeq((uint)number, parsed);
        return true;
    }

    /// <summary>Writes <c>number METHOD</c>.</summary>
    public override string ToString() => $"{Number.ToString(CultureInfo.InvariantCulture)} {Method.Name}";
}
