namespace CallMyWay.Voice.Telephony.Sip.Messages;

/// <summary>One <c>;name[=value]</c> parameter as written; a flag parameter has a null value.</summary>
/// <param name="Name">The parameter name as received (compared case-insensitively).</param>
/// <param name="Value">The value as written (quoted strings keep their quotes), or null for a flag.</param>
public readonly record struct SipParameter(string Name, string? Value)
{
    /// <inheritdoc />
    public override string ToString() => Value is null ? Name : $"{Name}={Value}";
}
