namespace CallMyWay.Voice.Web.Email.Outbound;

/// <summary>Where a mail sits in its conversation (RFC 5322 §3.6.4): the message it answers and the chain before it.</summary>
public sealed record MailThread(string? InReplyTo, IReadOnlyList<string> References)
{
    /// <summary>RFC 5322 lets References grow without bound; the first id and the latest ones keep threading working.</summary>
    public const int MaxReferences = 10;

    public static MailThread None { get; } = new(null, []);

    /// <summary>The thread of a reply to <paramref name="messageId"/>, which itself referenced <paramref name="earlier"/>.</summary>
    public static MailThread ReplyTo(string messageId, IEnumerable<string> earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        var chain = earlier.Where(id => id != messageId).Append(messageId).ToList();
        return new MailThread(messageId, Trim(chain));
    }

    public static IReadOnlyList<string> Trim(IReadOnlyList<string> chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        return chain.Count <= MaxReferences ? chain : [chain[0], .. chain.Skip(chain.Count - (MaxReferences - 1))];
    }
}
