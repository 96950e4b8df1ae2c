namespace CallMyWay.Voice.Telephony.Sip.Dialogs;

/// <summary>A dialog's identity (RFC 3261 §12): Call-ID, our tag, the peer's tag.</summary>
public readonly record struct DialogId(string CallId, string LocalTag, string RemoteTag)
{
    public override string ToString() => $"{CallId};{LocalTag};{RemoteTag}";
}
