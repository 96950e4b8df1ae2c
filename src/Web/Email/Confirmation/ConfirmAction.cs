namespace CallMyWay.Voice.Web.Email.Confirmation;

/// <summary>What a signed link in a "resolved" mail does.</summary>
public enum ConfirmAction
{
    /// <summary>The customer confirms the resolution: the case closes.</summary>
    Close,

    /// <summary>The customer says it is not solved: the case reopens.</summary>
    Reopen,
}
