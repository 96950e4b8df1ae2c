using Microsoft.Extensions.Options;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace CallMyWay.Voice.Web.Email.Inbound;

/// <summary>
/// Decides at RCPT time: only the support mailbox's addresses are taken (others 550, so the listener is no open
/// relay), and a sender over the hourly allowance is told to come back later (452, RFC 5321 §4.5.3.1.10).
/// </summary>
public sealed partial class SupportMailboxFilter(IOptions<EmailOptions> options, EmailIntake intake, ILogger<SupportMailboxFilter> logger) : IMailboxFilter
{
    private readonly HashSet<string> _accepted = [.. options.Value.AcceptedAddresses()];

    public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) =>
        // The size announced with MAIL FROM (RFC 1870) is checked by the server against the advertised SIZE.
        Task.FromResult(true);

    public async Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(to);
        if (!_accepted.Contains(to.AsAddress().ToLowerInvariant()))
        {
            Refused(logger, to.AsAddress());
            return false;
        }

        if (from is { User.Length: > 0 } sender && await intake.IsOverRateLimitAsync(sender.AsAddress(), cancellationToken).ConfigureAwait(false))
        {
            RateLimited(logger, sender.AsAddress());
            throw new SmtpResponseException(new SmtpResponse(SmtpReplyCode.InsufficientStorage, "4.7.1 Too many messages from this sender in the last hour, try again later"));
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SMTP recipient {Recipient} refused: not the support mailbox")]
    private static partial void Refused(ILogger logger, string recipient);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMTP sender {Sender} is over the hourly limit; answered 452")]
    private static partial void RateLimited(ILogger logger, string sender);
}
