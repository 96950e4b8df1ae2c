using CallMyWay.Voice.Domain.Application;
using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Web.Data;
using CallMyWay.Voice.Web.Email.Attachments;
using CallMyWay.Voice.Web.Email.Outbound;
using CallMyWay.Voice.Web.Email.Reading;
using CallMyWay.Voice.Web.Email.Threading;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CallMyWay.Voice.Web.Email.Inbound;

/// <summary>
/// The one pipeline every received message goes through, whether it came by SMTP or IMAP: duplicates and automatic
/// mail are set aside; a reply joins its case (by In-Reply-To/References, else the subject's case number) with its
/// labelled fields merged and the customer's verdict on a resolution applied; anything else opens a case. Each
/// message gets at most one automatic answer, queued in the same save as the message's record. Messages are taken
/// one at a time, so two deliveries of the same message cannot both get through.
/// </summary>
public sealed partial class EmailIntake(
    IServiceScopeFactory scopes,
    IOptions<EmailOptions> options,
    DeskRules rules,
    AttachmentStore attachments,
    CustomerMail mail,
    EmailOutbox outbox,
    OutboxSignal signal,
    TimeProvider time,
    ILogger<EmailIntake> logger)
{
    private const int MaxNoteLength = 3900;

    private static readonly TimeSpan RateWindow = TimeSpan.FromHours(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly EmailOptions _options = options.Value;
    private readonly IReadOnlyList<string> _ourAddresses = options.Value.AcceptedAddresses();

    public async Task<IntakeResult> ReceiveAsync(byte[] raw, string? envelopeSender, CancellationToken cancellationToken)
    {
        var email = InboundEmailReader.Read(raw, envelopeSender);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await ProcessAsync(email, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Whether <paramref name="sender"/> has already sent the hour's allowance (the SMTP listener answers 452 then).</summary>
    public async Task<bool> IsOverRateLimitAsync(string sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sender);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DeskDbContext>();
        return await RecentCountAsync(db, sender.ToLowerInvariant(), time.GetUtcNow(), cancellationToken).ConfigureAwait(false) >= _options.MaxMessagesPerSenderPerHour;
    }

    private async Task<IntakeResult> ProcessAsync(InboundEmail email, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DeskDbContext>();
        var cases = scope.ServiceProvider.GetRequiredService<CaseService>();
        var now = time.GetUtcNow();
        if (await db.Set<EmailMessageRecord>().AnyAsync(r => r.MessageId == email.MessageId, cancellationToken).ConfigureAwait(false))
        {
            Duplicate(logger, email.MessageId);
            return new IntakeResult(IntakeOutcome.Duplicate, null, Answered: false);
        }

        var thread = await FindThreadAsync(db, cases, email, cancellationToken).ConfigureAwait(false);
        var automated = AutomatedMail.Reason(email, _ourAddresses);
        if (automated is not null)
        {
            return await SetAsideAsync(db, cases, email, thread?.Case, automated, now, cancellationToken).ConfigureAwait(false);
        }

        var quiet = email.FromAddress is null
            || await RecentCountAsync(db, email.FromAddress, now, cancellationToken).ConfigureAwait(false) >= _options.MaxMessagesPerSenderPerHour;
        if (thread is null && quiet && email.FromAddress is not null)
        {
            // Over the limit, a new subject does not open yet another case: it joins the sender's latest open one.
            var latest = await LatestOpenCaseAsync(db, email.FromAddress, cancellationToken).ConfigureAwait(false);
            var found = latest is null ? null : await cases.FindAsync(latest.Value, cancellationToken).ConfigureAwait(false);
            thread = found is null ? null : new CaseThread(found, ByMessageId: false);
        }

        var result = thread is null || thread.Case.Status == CaseStatus.Closed
            ? await OpenAsync(db, cases, email, thread?.Case.Number, quiet, now, cancellationToken).ConfigureAwait(false)
            : await ContinueAsync(db, cases, email, thread, quiet, now, cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        if (result.Answered)
        {
            signal.Notify();
        }

        Received(logger, email.MessageId, email.FromAddress, result.Outcome, result.CaseNumber, result.Answered);
        return result;
    }

    private async Task<IntakeResult> OpenAsync(DeskDbContext db, CaseService cases, InboundEmail email, long? followUpOf, bool quiet, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var language = LanguageGuess.Of($"{email.Subject}\n{email.Text}", email.Headers[MimeKit.HeaderId.ContentLanguage]);
        var english = LanguageGuess.IsEnglish(language);
        var reading = ChecklistReader.Read(email.Text, english, rules.Calendar.Hours.UtcOffset, now);
        var description = followUpOf is null ? email.Text : $"Follow-up of closed case #{followUpOf}.\n\n{email.Text}";
        var request = new NewCase
        {
            Kind = CaseKindClassifier.Classify(email.Subject, email.Text, reading),
            Channel = CaseChannel.Email,
            CallerEmail = email.FromAddress,
            CallerName = Cap(email.FromName, 200),
            CallerNumber = reading.ContactNumber,
            Language = language,
            Subject = Cap(email.Subject, 500),
            Details = reading.Details with { Description = string.IsNullOrWhiteSpace(description) ? null : description },
            AffectedUsers = reading.AffectedUsers,
            Interruption = reading.Interruption,
        };
        var opened = await cases.OpenAsync(request, EmailActors.Channel, cancellationToken).ConfigureAwait(false);
        if (email.IsRaw)
        {
            await NoteAsync(cases, opened.Number, EmailActors.Channel, "the message's MIME structure could not be read; its raw text is the description", isPublic: false, cancellationToken).ConfigureAwait(false);
        }

        var kept = await KeepAttachmentsAsync(db, cases, opened.Number, email, now, cancellationToken).ConfigureAwait(false);
        db.Set<EmailMessageRecord>().Add(new EmailMessageRecord(email.MessageId, EmailDirection.Inbound, opened.Number, email.FromAddress, email.Subject, quiet ? "rateLimited" : "opened", now));
        var answered = false;
        if (!quiet && email.FromAddress is not null)
        {
            var to = new Recipient(email.FromAddress, email.FromName);
            answered = await QueueAsync(db, mail.Acknowledgement(opened, to, email.MessageId, ReplyThread(email), kept), cancellationToken).ConfigureAwait(false);
        }

        return new IntakeResult(IntakeOutcome.Opened, opened.Number, answered);
    }

    private async Task<IntakeResult> ContinueAsync(DeskDbContext db, CaseService cases, InboundEmail email, CaseThread thread, bool quiet, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var target = thread.Case;
        var number = target.Number;
        var reply = QuotedText.Strip(email.Text);
        if (reply.Length == 0)
        {
            reply = email.Text;
        }

        var note = $"e-mail from {email.FromAddress ?? "an unknown sender"}" + (email.Subject is null ? ":" : $" \"{email.Subject}\":") + $"\n\n{reply}";
        await NoteAsync(cases, number, EmailActors.Customer, note, isPublic: true, cancellationToken).ConfigureAwait(false);
        var kept = await KeepAttachmentsAsync(db, cases, number, email, now, cancellationToken).ConfigureAwait(false);
        db.Set<EmailMessageRecord>().Add(new EmailMessageRecord(email.MessageId, EmailDirection.Inbound, number, email.FromAddress, email.Subject, quiet ? "rateLimited" : "threaded", now));
        if (quiet || email.FromAddress is null)
        {
            return new IntakeResult(IntakeOutcome.Threaded, number, Answered: false);
        }

        var to = new Recipient(email.FromAddress, email.FromName);
        var replyThread = ReplyThread(email);
        OutgoingMail? answer = null;
        if (target.Status == CaseStatus.Resolved)
        {
            // Only the customer of the case, or someone answering our own mail, decides on its resolution.
            var mayDecide = thread.ByMessageId || string.Equals(target.CallerEmail, email.FromAddress, StringComparison.OrdinalIgnoreCase);
            var verdict = mayDecide ? VerdictReader.Read(reply) : CustomerVerdict.None;
            if (verdict == CustomerVerdict.NotSolved)
            {
                var reason = $"not solved, says {email.FromAddress} by e-mail: {FirstLine(reply)}";
                var result = await cases.ChangeAsync(number, EmailActors.Customer, (c, change) => c.Reopen(reason, change), cancellationToken).ConfigureAwait(false);
                answer = result.Case is { } reopened ? mail.Reopened(reopened, to, email.MessageId, replyThread) : null;
            }
            else if (verdict == CustomerVerdict.Confirmed)
            {
                var confirmation = $"confirmed by {email.FromAddress} by e-mail: {FirstLine(reply)}";
                var result = await cases.ChangeAsync(number, EmailActors.Customer, (c, change) => c.ConfirmResolution(confirmation, change), cancellationToken).ConfigureAwait(false);
                answer = result.Case is { } closed ? mail.Closed(closed, to, email.MessageId, replyThread) : null;
            }
        }
        else
        {
            answer = await MergeInformationAsync(cases, target, email, reply, to, replyThread, kept, now, cancellationToken).ConfigureAwait(false);
        }

        if (answer is null && kept.Any(a => !a.IsKept))
        {
            answer = mail.AttachmentsRefused(target, to, email.MessageId, replyThread, kept);
        }

        var answered = answer is not null && await QueueAsync(db, answer, cancellationToken).ConfigureAwait(false);
        return new IntakeResult(IntakeOutcome.Threaded, number, answered);
    }

    /// <summary>Merges the reply's labelled fields; tells the customer when review starts, or what is still missing.</summary>
    private async Task<OutgoingMail?> MergeInformationAsync(
        CaseService cases,
        SupportCase target,
        InboundEmail email,
        string reply,
        Recipient to,
        MailThread replyThread,
        IReadOnlyList<KeptAttachment> kept,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var number = target.Number;
        var wasAwaiting = target.Status == CaseStatus.AwaitingInfo;
        var reading = ChecklistReader.Read(reply, LanguageGuess.IsEnglish(target.Language), rules.Calendar.Hours.UtcOffset, now);
        var current = target;
        if (reading.HasDetails)
        {
            var result = await cases.ChangeAsync(number, EmailActors.Customer, (c, change) => c.ProvideInformation(reading.Details, change), cancellationToken).ConfigureAwait(false);
            current = result.Case ?? current;
        }

        if (current.Status == CaseStatus.AwaitingInfo && current.MissingInfo.Count == 0)
        {
            // An agent's question answered in free text: the answer is the note just added.
            var result = await cases.ChangeAsync(number, EmailActors.Customer, (c, change) => c.InformationReceived("the customer answered by e-mail", change), cancellationToken).ConfigureAwait(false);
            current = result.Case ?? current;
        }

        if (wasAwaiting && current.Status != CaseStatus.AwaitingInfo)
        {
            return mail.ReviewStarted(current, to, email.MessageId, replyThread, kept);
        }

        return current.Status == CaseStatus.AwaitingInfo && current.MissingInfo.Count > 0
            ? mail.StillMissing(current, to, email.MessageId, replyThread, kept)
            : null;
    }

    private async Task<IntakeResult> SetAsideAsync(DeskDbContext db, CaseService cases, InboundEmail email, SupportCase? target, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (target is not null && target.Status != CaseStatus.Closed)
        {
            // Agents see that, say, their mail bounced; nobody answers it.
            await NoteAsync(cases, target.Number, EmailActors.Channel, $"automatic message not answered ({reason}): {email.Subject}", isPublic: false, cancellationToken).ConfigureAwait(false);
        }

        db.Set<EmailMessageRecord>().Add(new EmailMessageRecord(email.MessageId, EmailDirection.Inbound, target?.Number, email.FromAddress, email.Subject, "automated", now));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        SetAside(logger, email.MessageId, email.FromAddress, reason);
        return new IntakeResult(IntakeOutcome.Automated, target?.Number, Answered: false);
    }

    /// <summary>The case a message continues: by the ids it answers (ours or the customer's), else by the subject's number.</summary>
    private async Task<CaseThread?> FindThreadAsync(DeskDbContext db, CaseService cases, InboundEmail email, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        if (email.InReplyTo is not null)
        {
            ids.Add(email.InReplyTo);
        }

        ids.AddRange(email.References);
        var byId = await EmailThreads.CaseOfAsync(db, ids, cancellationToken).ConfigureAwait(false);
        if (byId is { } number && await cases.FindAsync(number, cancellationToken).ConfigureAwait(false) is { } threaded)
        {
            return new CaseThread(threaded, ByMessageId: true);
        }

        if (CaseTag.Find(email.Subject) is not { } tagged || await cases.FindAsync(tagged, cancellationToken).ConfigureAwait(false) is not { } named)
        {
            return null;
        }

        // A number in a subject is easy to guess: it threads only mail from the case's customer or their domain.
        return SameCustomer(named.CallerEmail, email.FromAddress) ? new CaseThread(named, ByMessageId: false) : null;
    }

    private async Task<IReadOnlyList<KeptAttachment>> KeepAttachmentsAsync(DeskDbContext db, CaseService cases, long number, InboundEmail email, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (email.Attachments.Count == 0)
        {
            return [];
        }

        var kept = await attachments.KeepAsync(number, email.Attachments, cancellationToken).ConfigureAwait(false);
        var stored = kept.Where(a => a.IsKept).Select(AttachmentStore.Describe).ToList();
        var refused = kept.Where(a => !a.IsKept).Select(a => $"{AttachmentStore.Describe(a)}, {a.Refusal}").ToList();
        var text = (stored.Count > 0 ? $"attachments kept: {string.Join("; ", stored)}" : string.Empty)
            + (stored.Count > 0 && refused.Count > 0 ? "\n" : string.Empty)
            + (refused.Count > 0 ? $"attachments refused: {string.Join("; ", refused)}" : string.Empty);
        await NoteAsync(cases, number, EmailActors.Channel, text, isPublic: true, cancellationToken).ConfigureAwait(false);

        // Added after the note: a retried case save starts from a clean unit of work.
        foreach (var attachment in kept)
        {
            db.Set<EmailAttachmentRecord>().Add(new EmailAttachmentRecord(number, email.MessageId, attachment, now));
        }

        return kept;
    }

    private async Task<bool> QueueAsync(DeskDbContext db, OutgoingMail answer, CancellationToken cancellationToken) =>
        await outbox.EnqueueAsync(db, answer, cancellationToken).ConfigureAwait(false) is not null;

    private async Task NoteAsync(CaseService cases, long number, string actor, string text, bool isPublic, CancellationToken cancellationToken)
    {
        var capped = text.Length <= MaxNoteLength ? text : text[..MaxNoteLength] + " […]";
        var result = await cases.ChangeAsync(number, actor, (c, change) => c.AddNote(capped, isPublic, change), cancellationToken).ConfigureAwait(false);
        if (result.Error is { } error)
        {
            NoteRefused(logger, number, error.Message);
        }
    }

    private static async Task<int> RecentCountAsync(DeskDbContext db, string sender, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = (now - RateWindow).UtcTicks;
        return await db.Set<EmailMessageRecord>()
            .CountAsync(r => r.Direction == EmailDirection.Inbound && r.Address == sender && r.AtUtcTicks >= since && r.Outcome != "automated", cancellationToken)
            .ConfigureAwait(false);
    }

    private static async Task<long?> LatestOpenCaseAsync(DeskDbContext db, string sender, CancellationToken cancellationToken) =>
        await db.Set<SupportCase>()
            .Where(c => c.CallerEmail == sender && c.Status != CaseStatus.Closed)
            .OrderByDescending(c => c.Number)
            .Select(c => (long?)c.Number)
            .FirstOrDefaultAsync(cancellationToken)
            .ConfigureAwait(false);

    private static MailThread ReplyThread(InboundEmail email) => MailThread.ReplyTo(email.MessageId, email.References);

    private static bool SameCustomer(string? caseEmail, string? sender)
    {
        if (string.IsNullOrEmpty(caseEmail))
        {
            // A phone case has no address to compare with; the customer quoting its number is all there is.
            return sender is not null;
        }

        if (sender is null)
        {
            return false;
        }

        return string.Equals(caseEmail, sender, StringComparison.OrdinalIgnoreCase)
            || string.Equals(DomainOf(caseEmail), DomainOf(sender), StringComparison.OrdinalIgnoreCase);
    }

    private static string DomainOf(string address) => address[(address.LastIndexOf('@') + 1)..];

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? string.Empty;
        return line.Length <= 200 ? line : line[..200];
    }

    private static string? Cap(string? text, int length) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Length <= length ? text : text[..length];

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail {MessageId} from {Sender}: {Outcome}, case {CaseNumber}, answered {Answered}")]
    private static partial void Received(ILogger logger, string messageId, string? sender, IntakeOutcome outcome, long? caseNumber, bool answered);

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail {MessageId} was already received; ignored")]
    private static partial void Duplicate(ILogger logger, string messageId);

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail {MessageId} from {Sender} set aside, not answered: {Reason}")]
    private static partial void SetAside(ILogger logger, string messageId, string? sender, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Case {Number} refused a note from the e-mail channel: {Reason}")]
    private static partial void NoteRefused(ILogger logger, long number, string reason);

    /// <summary>The case a message continues, and whether it was found through a Message-ID we know.</summary>
    private sealed record CaseThread(SupportCase Case, bool ByMessageId);
}
