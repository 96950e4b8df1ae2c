namespace CallMyWay.Voice.Telephony.Sip.Messages;

/// <summary>The well-known SIP methods, so that code can switch on a method; anything else is an extension.</summary>
public enum SipMethodKind
{
    /// <summary>A method this stack has no constant for; its name is in <see cref="SipMethod.Name"/>.</summary>
    Extension,

    /// <summary>RFC 3261.</summary>
    Invite,

    /// <summary>RFC 3261.</summary>
    Ack,

    /// <summary>RFC 3261.</summary>
    Bye,

    /// <summary>RFC 3261.</summary>
    Cancel,

    /// <summary>RFC 3261.</summary>
    Options,

    /// <summary>RFC 3261.</summary>
    Register,

    /// <summary>RFC 6086.</summary>
    Info,

    /// <summary>RFC 3311.</summary>
    Update,

    /// <summary>RFC 3262.</summary>
    Prack,

    /// <summary>RFC 6665.</summary>
    Subscribe,

    /// <summary>RFC 6665.</summary>
    Notify,

    /// <summary>RFC 3515.</summary>
    Refer,

    /// <summary>RFC 3428.</summary>
    Message,
}
