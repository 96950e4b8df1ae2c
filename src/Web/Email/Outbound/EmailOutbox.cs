using System.Security.Cryptography;
using System.Text;
using CallMyWay.Voice.Web.Data;
using CallMyWay.Voice.Web.Email.Threading;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Utils;

namespace CallMyWay.Voice.Web.Email.Outbound;

/// <summary>
/// Puts mail into the outbox table inside the caller's unit of work (the caller saves, then calls
/// <see cref="OutboxSignal.Notify"/>). Each mail gets its Message-ID here, once, and a thread record so that the
/// customer's reply finds its case.
/// </summary>
public sealed class EmailOutbox(IOptions<EmailOptions> options, TimeProvider time)
{
    public const string AutoReplied = "auto-replied";

    private readonly string _domain = DomainOf(options.Value);

    /// <summary>Adds the mail unless one for the same cause exists; returns the queued row, or null for a repeat.</summary>
    public async Task<OutboxEmail?> EnqueueAsync(DeskDbContext db, OutgoingMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(mail);
        var key = KeyOf(mail.Cause);
        var outbox = db.Set<OutboxEmail>();
        if (outbox.Local.Any(m => m.DedupKey == key) || await outbox.AnyAsync(m => m.DedupKey == key, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var now = time.GetUtcNow();
        var messageId = MimeUtils.GenerateMessageId(_domain);
        var email = new OutboxEmail(
            key,
            messageId,
            mail.CaseNumber,
            mail.ToAddress,
            mail.ToName,
            mail.Subject.Length <= 500 ? mail.Subject : mail.Subject[..500],
            mail.Body,
            mail.Thread.InReplyTo,
            ReferencesHeader(mail.Thread.References),
            mail.AutoReply ? AutoReplied : null,
            now);
        outbox.Add(email);
        db.Set<EmailMessageRecord>().Add(new EmailMessageRecord(messageId, EmailDirection.Outbound, mail.CaseNumber, mail.ToAddress, email.Subject, "mailed", now));
        return email;
    }

    /// <summary>The References value, dropping the oldest ids after the first until it fits its column.</summary>
    private static string? ReferencesHeader(IReadOnlyList<string> references)
    {
        if (references.Count == 0)
        {
            return null;
        }

        var kept = references.ToList();
        var text = string.Join(' ', kept);
        while (text.Length > 4000 && kept.Count > 1)
        {
            kept.RemoveAt(kept.Count > 2 ? 1 : 0);
            text = string.Join(' ', kept);
        }

        return text.Length <= 4000 ? text : null;
    }

    public static string KeyOf(string cause) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(cause)));

    private static string DomainOf(EmailOptions options)
    {
        var from = options.From is not null && MailboxAddress.TryParse(options.From, out var mailbox) ? mailbox.Address : options.Address;
        var at = from.LastIndexOf('@');
        return at >= 0 && at < from.Length - 1 ? from[(at + 1)..] : "callmyway.com";
    }
}
