namespace CallMyWay.Voice.Telephony.Sip.Messages;

/// <summary>One header field line: its canonical name and its unfolded value.</summary>
/// <param name="Name">The canonical name (compact forms expanded, known names in their usual case).</param>
/// <param name="Value">The value with folding replaced by single spaces and outer whitespace trimmed.</param>
public readonly record struct SipHeader(string Name, string Value)
{
    /// <inheritdoc />
    public override string ToString() => $"{Name}: {Value}";
}
