namespace CallMyWay.Voice.Telephony.Ivr.Desk;

/// <summary>Why the caller is to be called back instead of being served now.</summary>
public enum CallbackReason
{
    /// <summary>The desk was closed; the call is due at the next opening.</summary>
    DeskClosed,

    /// <summary>No agent was free; the call is due as soon as one is.</summary>
    NoAgentAvailable,
}
