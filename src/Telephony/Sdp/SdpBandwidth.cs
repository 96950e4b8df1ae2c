namespace CallMyWay.Voice.Telephony.Sdp;

/// <summary>A <c>b=</c> line: a proposed bandwidth limit, in kilobits per second for CT and AS (RFC 8866 §5.8).</summary>
/// <param name="Type">The modifier: <c>CT</c>, <c>AS</c>, <c>TIAS</c> (RFC 3890) or another token.</param>
/// <param name="Value">The bandwidth in the modifier's unit.</param>
public sealed record SdpBandwidth(string Type, ulong Value);
