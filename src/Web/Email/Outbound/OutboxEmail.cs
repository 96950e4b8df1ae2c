namespace CallMyWay.Voice.Web.Email.Outbound;

/// <summary>
/// An e-mail in the durable outbox. It is written in the same save as the change that caused it, so nothing is lost
/// when the relay is down; its Message-ID is fixed at that moment, so a resend after a crash is the same message.
/// </summary>
public sealed class OutboxEmail
{
    public const int KeyLength = 64;

    private OutboxEmail()
    {
    }

    public OutboxEmail(string dedupKey, string messageId, long? caseNumber, string toAddress, string? toName, string subject, string textBody, string? inReplyTo, string? references, string? autoSubmitted, DateTimeOffset createdAt)
    {
        DedupKey = dedupKey;
        MessageId = messageId;
        CaseNumber = caseNumber;
        ToAddress = toAddress;
        ToName = toName;
        Subject = subject;
        TextBody = textBody;
        InReplyTo = inReplyTo;
        References = references;
        AutoSubmitted = autoSubmitted;
        CreatedAt = createdAt;
        Status = OutboxStatus.Queued;
        Schedule(createdAt);
    }

    public long Id { get; private set; }

    /// <summary>Hash of what the mail is about (a history entry, a reply to one message): one mail per cause.</summary>
    public string DedupKey { get; private set; } = string.Empty;

    /// <summary>Without angle brackets.</summary>
    public string MessageId { get; private set; } = string.Empty;

    public long? CaseNumber { get; private set; }
    public string ToAddress { get; private set; } = string.Empty;
    public string? ToName { get; private set; }
    public string Subject { get; private set; } = string.Empty;
    public string TextBody { get; private set; } = string.Empty;
    public string? InReplyTo { get; private set; }

    /// <summary>Message-IDs separated by spaces, oldest first.</summary>
    public string? References { get; private set; }

    /// <summary>The RFC 3834 Auto-Submitted value, e.g. <c>auto-replied</c>; null for mail an agent wrote.</summary>
    public string? AutoSubmitted { get; private set; }

    public OutboxStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }

    /// <summary>The next attempt as UTC ticks: the sender's queue order, comparable on every provider.</summary>
    public long NextAttemptUtcTicks { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public string? LastError { get; private set; }

    /// <summary>Bumped on every change: two senders never both claim the same attempt.</summary>
    public int Version { get; private set; }

    /// <summary>Takes the message for one attempt; if the sender dies now, it is tried again once <paramref name="until"/> passes.</summary>
    public void Claim(DateTimeOffset until)
    {
        Schedule(until);
        Version++;
    }

    /// <summary>Gives back a claimed message that was not attempted.</summary>
    public void Release(DateTimeOffset now)
    {
        Schedule(now);
        Version++;
    }

    public void MarkSent(DateTimeOffset at)
    {
        Attempts++;
        Status = OutboxStatus.Sent;
        SentAt = at;
        LastError = null;
        Version++;
    }

    public void MarkFailed(string error, DateTimeOffset nextAttempt)
    {
        Attempts++;
        LastError = Truncate(error);
        Schedule(nextAttempt);
        Version++;
    }

    public void MarkUndeliverable(string error)
    {
        Attempts++;
        Status = OutboxStatus.Undeliverable;
        LastError = Truncate(error);
        Version++;
    }

    private void Schedule(DateTimeOffset at)
    {
        NextAttemptAt = at;
        NextAttemptUtcTicks = at.UtcTicks;
    }

    private static string Truncate(string error) => error.Length <= 2000 ? error : error[..2000];
}
