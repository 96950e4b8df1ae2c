using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Web.Data;
using CallMyWay.Voice.Web.Desk;
using CallMyWay.Voice.Web.Email.Outbound;
using CallMyWay.Voice.Web.Email.Threading;

namespace CallMyWay.Voice.Web.Email;

/// <summary>
/// Mails the customer what agents write for them: public notes, requests for information, and resolutions (which
/// ask for confirmation). Only the entries of the change just saved are considered, and each goes out once: the
/// outbox refuses a second mail for the same entry.
/// </summary>
public sealed partial class EmailCaseWatcher(
    IServiceScopeFactory scopes,
    CustomerMail mail,
    EmailOutbox outbox,
    OutboxSignal signal,
    ILogger<EmailCaseWatcher> logger) : ICaseWatcher
{
    private static readonly HashSet<string> MailedActions = ["note", "infoRequested", "resolved"];

    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task CaseChangedAsync(SupportCase supportCase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(supportCase);
        if (string.IsNullOrWhiteSpace(supportCase.CallerEmail))
        {
            return;
        }

        // Every entry one command records carries the command's time, which is also the case's last update.
        var entries = supportCase.History
            .Where(e => e.At == supportCase.UpdatedAt && e.IsPublic && !EmailActors.IsOurs(e.Actor) && MailedActions.Contains(e.Action))
            .ToList();
        if (entries.Count == 0)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DeskDbContext>();
            var thread = await EmailThreads.ThreadOfAsync(db, supportCase.Number, cancellationToken).ConfigureAwait(false);
            var to = new Recipient(supportCase.CallerEmail, supportCase.CallerName);
            var queued = 0;
            foreach (var entry in entries)
            {
                var composed = mail.AgentEntry(supportCase, entry, to, thread);
                if (composed is not null && await outbox.EnqueueAsync(db, composed, cancellationToken).ConfigureAwait(false) is not null)
                {
                    queued++;
                }
            }

            if (queued > 0)
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                signal.Notify();
                Queued(logger, queued, supportCase.Number);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} e-mail(s) queued for the customer of case {Number}")]
    private static partial void Queued(ILogger logger, int count, long number);
}
