namespace CallMyWay.Voice.Telephony.Sdp;

/// <summary>A line whose type letter this parser does not interpret; kept so that it survives a round trip.</summary>
/// <param name="Type">The type letter before the <c>=</c>.</param>
/// <param name="Value">Everything after the <c>=</c>.</param>
public sealed record SdpLine(char Type, string Value);
