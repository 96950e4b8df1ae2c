namespace CallMyWay.Voice.Telephony.Sdp;

/// <summary>An <c>a=</c> line: a property attribute <c>a=name</c> or a value attribute <c>a=name:value</c> (RFC 8866 §5.13).</summary>
/// <param name="Name">The attribute name.</param>
/// <param name="Value">The value after the first colon; null for a property (flag) attribute.</param>
public sealed record SdpAttribute(string Name, string? Value = null)
{
    internal string ToLineValue() => Value is null ? Name : Name + ":" + Value;
}
