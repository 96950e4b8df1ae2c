namespace CallMyWay.Voice.Web.Email.Threading;

/// <summary>
/// One message that entered or left the channel, by Message-ID. The table threads replies (In-Reply-To and
/// References point at these ids), refuses duplicates, and counts a sender's messages for the rate limit.
/// </summary>
public sealed class EmailMessageRecord
{
    public const int MessageIdLength = 450;

    private EmailMessageRecord()
    {
    }

    public EmailMessageRecord(string messageId, EmailDirection direction, long? caseNumber, string? address, string? subject, string outcome, DateTimeOffset at)
    {
        MessageId = messageId;
        Direction = direction;
        CaseNumber = caseNumber;
        Address = address is null ? null : Truncate(address.ToLowerInvariant(), 320);
        Subject = subject is null ? null : Truncate(subject, 500);
        Outcome = outcome;
        At = at;
        AtUtcTicks = at.UtcTicks;
    }

    public long Id { get; private set; }

    /// <summary>Without angle brackets; see <see cref="MessageIds.Normalize"/>.</summary>
    public string MessageId { get; private set; } = string.Empty;

    public EmailDirection Direction { get; private set; }

    public long? CaseNumber { get; private set; }

    /// <summary>The sender of an inbound message, the recipient of an outbound one; lower case.</summary>
    public string? Address { get; private set; }

    public string? Subject { get; private set; }

    /// <summary>What the intake did with it: <c>opened</c>, <c>threaded</c>, <c>automated</c>, <c>rateLimited</c>, <c>sent</c>…</summary>
    public string Outcome { get; private set; } = string.Empty;

    public DateTimeOffset At { get; private set; }

    /// <summary>The time as UTC ticks, so that windows (the rate limit) are plain integer comparisons on every provider.</summary>
    public long AtUtcTicks { get; private set; }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
