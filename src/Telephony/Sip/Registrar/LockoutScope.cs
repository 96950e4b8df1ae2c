namespace CallMyWay.Voice.Telephony.Sip.Registrar;

/// <summary>What a failed authentication locked out.</summary>
internal enum LockoutScope
{
    /// <summary>Nothing yet.</summary>
    None,

    /// <summary>The source address, for the extension it tried.</summary>
    Extension,

    /// <summary>The source address, for every extension.</summary>
    Address,
}
