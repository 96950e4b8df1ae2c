namespace CallMyWay.Voice.Telephony.Sip.Registrar;

/// <summary>How applying a <see cref="RegistrationChange"/> ended.</summary>
internal enum BindingUpdateStatus
{
    /// <summary>Every update was made.</summary>
    Applied,

    /// <summary>A binding was last written by this Call-ID with a CSeq at least as high: nothing was changed
    /// (RFC 3261 §10.3 steps 6 and 7).</summary>
    OutOfOrder,

    /// <summary>The request alone lists more contacts than the extension may hold: nothing was changed.</summary>
    TooManyContacts,
}
