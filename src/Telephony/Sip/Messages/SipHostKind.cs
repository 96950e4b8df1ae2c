namespace CallMyWay.Voice.Telephony.Sip.Messages;

/// <summary>The form a host takes in a SIP URI or a Via sent-by (RFC 3261 §25.1).</summary>
public enum SipHostKind
{
    /// <summary>A fully qualified or local domain name.</summary>
    DomainName,

    /// <summary>A dotted-decimal IPv4 address.</summary>
    IPv4,

    /// <summary>An IPv6 reference, written in brackets.</summary>
    IPv6,
}
