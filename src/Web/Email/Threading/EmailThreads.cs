using CallMyWay.Voice.Web.Data;
using CallMyWay.Voice.Web.Email.Outbound;
using Microsoft.EntityFrameworkCore;

namespace CallMyWay.Voice.Web.Email.Threading;

/// <summary>Case threads through the <c>EmailMessages</c> table: which case a Message-ID belongs to, and a case's chain of ids.</summary>
public static class EmailThreads
{
    /// <summary>The case of the most recent of <paramref name="messageIds"/> that we know, if any.</summary>
    public static async Task<long?> CaseOfAsync(DeskDbContext db, IReadOnlyCollection<string> messageIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(messageIds);
        if (messageIds.Count == 0)
        {
            return null;
        }

        return await db.Set<EmailMessageRecord>()
            .Where(m => messageIds.Contains(m.MessageId) && m.CaseNumber != null)
            .OrderByDescending(m => m.Id)
            .Select(m => m.CaseNumber)
            .FirstOrDefaultAsync(cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>The thread a new mail on the case continues: it answers the customer's latest message, else our latest.</summary>
    public static async Task<MailThread> ThreadOfAsync(DeskDbContext db, long caseNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var messages = await db.Set<EmailMessageRecord>()
            .AsNoTracking()
            .Where(m => m.CaseNumber == caseNumber && m.Outcome != "automated")
            .OrderBy(m => m.Id)
            .Select(m => new { m.MessageId, m.Direction })
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        if (messages.Count == 0)
        {
            return MailThread.None;
        }

        var answered = messages.LastOrDefault(m => m.Direction == EmailDirection.Inbound) ?? messages[^1];
        return new MailThread(answered.MessageId, MailThread.Trim(messages.Select(m => m.MessageId).ToList()));
    }
}
