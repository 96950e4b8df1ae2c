namespace CallMyWay.Voice.Telephony.Sip.Transport;

/// <summary>The transport protocols the stack speaks (RFC 3261 §18).</summary>
public enum SipTransportKind
{
    Udp,
    Tcp,
}
