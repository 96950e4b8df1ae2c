using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace CallMyWay.Voice.Web.Email.Inbound;

/// <summary>
/// For desks whose mailbox lives on another server: every <c>Email:Imap:Interval</c> it fetches the unseen messages
/// of <c>Email:Imap:Folder</c> with MailKit, passes each to the same intake as the SMTP listener, and marks it seen
/// once taken in. A message taken twice (a crash before the flag was set) is a duplicate by Message-ID.
/// </summary>
public sealed partial class ImapPoller(IOptions<EmailOptions> options, EmailIntake intake, TimeProvider time, ILogger<ImapPoller> logger) : BackgroundService
{
    private readonly EmailOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrWhiteSpace(_options.Imap.Host))
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PollAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                PollFailed(logger, ex, _options.Imap.Host);
            }

            try
            {
                await Task.Delay(_options.Imap.Interval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One look at the mailbox.</summary>
    public async Task<int> PollAsync(CancellationToken cancellationToken)
    {
        var imap = _options.Imap;
        using var client = new ImapClient { Timeout = 60_000 };
        await client.ConnectAsync(imap.Host ?? string.Empty, imap.Port, Enum.Parse<SecureSocketOptions>(imap.Security, ignoreCase: true), cancellationToken).ConfigureAwait(false);
        await client.AuthenticateAsync(imap.Username ?? string.Empty, imap.Password ?? string.Empty, cancellationToken).ConfigureAwait(false);
        var folder = string.Equals(imap.Folder, "INBOX", StringComparison.OrdinalIgnoreCase)
            ? client.Inbox
            : await client.GetFolderAsync(imap.Folder, cancellationToken).ConfigureAwait(false);
        await folder.OpenAsync(FolderAccess.ReadWrite, cancellationToken).ConfigureAwait(false);
        var unseen = await folder.SearchAsync(SearchQuery.NotSeen, cancellationToken).ConfigureAwait(false);
        var taken = 0;
        if (unseen.Count > 0)
        {
            var summaries = await folder.FetchAsync(unseen, new FetchRequest(MessageSummaryItems.UniqueId | MessageSummaryItems.Size), cancellationToken).ConfigureAwait(false);
            foreach (var summary in summaries)
            {
                if (summary.Size is { } size && size > (uint)_options.MaxMessageBytes)
                {
                    // As the listener would refuse it: left in the mailbox for a person, not downloaded.
                    TooLarge(logger, summary.UniqueId.Id, size);
                }
                else
                {
                    using var stream = await folder.GetStreamAsync(summary.UniqueId, cancellationToken).ConfigureAwait(false);
                    using var copy = new MemoryStream();
                    await stream.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
                    await intake.ReceiveAsync(copy.ToArray(), envelopeSender: null, cancellationToken).ConfigureAwait(false);
                    taken++;
                }

                await folder.StoreAsync(summary.UniqueId, new StoreFlagsRequest(StoreAction.Add, MessageFlags.Seen) { Silent = true }, cancellationToken).ConfigureAwait(false);
            }
        }

        await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
        return taken;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling the IMAP mailbox at {Host} failed; trying again at the next interval")]
    private static partial void PollFailed(ILogger logger, Exception exception, string? host);

    [LoggerMessage(Level = LogLevel.Warning, Message = "IMAP message {Uid} of {Size} bytes is over Email:MaxMessageBytes; left in the mailbox, marked seen")]
    private static partial void TooLarge(ILogger logger, uint uid, uint size);
}
