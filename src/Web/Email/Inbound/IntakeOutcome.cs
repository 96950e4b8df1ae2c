namespace CallMyWay.Voice.Web.Email.Inbound;

/// <summary>What the intake did with a received message.</summary>
public enum IntakeOutcome
{
    /// <summary>A new case was opened.</summary>
    Opened,

    /// <summary>The message was added to an existing case.</summary>
    Threaded,

    /// <summary>A message with this Message-ID was already received; nothing was done.</summary>
    Duplicate,

    /// <summary>A bounce, an auto-reply or a list message: recorded, never answered, no case opened.</summary>
    Automated,
}
