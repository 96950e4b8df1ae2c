namespace CallMyWay.Voice.Web.Email.Outbound;

/// <summary>Where an outbound e-mail stands.</summary>
public enum OutboxStatus
{
    /// <summary>Waiting for its next attempt.</summary>
    Queued,

    /// <summary>The relay accepted it.</summary>
    Sent,

    /// <summary>The relay refused it for good (a 5xx reply, RFC 5321 §4.2.1): retrying would not help.</summary>
    Undeliverable,
}
