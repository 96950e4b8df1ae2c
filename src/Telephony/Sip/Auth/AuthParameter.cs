namespace CallMyWay.Voice.Telephony.Sip.Auth;

/// <summary>One auth-param as read from a header value: its name, its unescaped value, and whether it was quoted.</summary>
internal readonly record struct AuthParameter(string Name, string Value, bool Quoted);
