using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CallMyWay.Voice.Web.Email.Outbound;

/// <summary>
/// Hands outbox mail to the configured SMTP relay with MailKit, one connection per batch, and reports each message's
/// fate: sent, to be retried (the relay is down or answered 4xx), or refused for good (5xx).
/// </summary>
public sealed class SmtpRelay(IOptions<EmailOptions> options)
{
    private readonly EmailOptions _options = options.Value;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(_options.Outbound.Host);

    public async Task SendAsync(IReadOnlyList<OutboxEmail> batch, IRelayReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(report);
        var outbound = _options.Outbound;
        using var client = new SmtpClient { Timeout = (int)Math.Min(int.MaxValue, outbound.Timeout.TotalMilliseconds) };
        try
        {
            await client.ConnectAsync(outbound.Host ?? string.Empty, outbound.Port, Enum.Parse<SecureSocketOptions>(outbound.Security, ignoreCase: true), cancellationToken).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(outbound.Username))
            {
                await client.AuthenticateAsync(outbound.Username, outbound.Password ?? string.Empty, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (IsRelayProblem(ex, cancellationToken))
        {
            foreach (var email in batch)
            {
                await report.RetryAsync(email, $"relay {outbound.Host}:{outbound.Port}: {ex.Message}", cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            var email = batch[i];
            try
            {
                using var message = Build(email);
                await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
            }
            catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500)
            {
                // RFC 5321 §4.2.1: a 5yz reply is permanent; the same message would be refused again.
                await report.UndeliverableAsync(email, $"{(int)ex.StatusCode} {ex.Message}", cancellationToken).ConfigureAwait(false);
                continue;
            }
            catch (SmtpCommandException ex)
            {
                await report.RetryAsync(email, $"{(int)ex.StatusCode} {ex.Message}", cancellationToken).ConfigureAwait(false);
                continue;
            }
            catch (Exception ex) when (IsRelayProblem(ex, cancellationToken))
            {
                // The connection is gone: this message is retried later, the rest go back to the queue untried.
                await report.RetryAsync(email, ex.Message, cancellationToken).ConfigureAwait(false);
                for (var j = i + 1; j < batch.Count; j++)
                {
                    await report.ReleaseAsync(batch[j], cancellationToken).ConfigureAwait(false);
                }

                return;
            }

            await report.SentAsync(email, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsRelayProblem(ex, cancellationToken))
        {
            // Everything was handed over already; a failed QUIT loses nothing.
        }
    }

    /// <summary>The MIME message for an outbox row; the same row always gives the same headers.</summary>
    private MimeMessage Build(OutboxEmail email)
    {
        var message = new MimeMessage
        {
            MessageId = email.MessageId,
            Date = email.CreatedAt,
            Subject = email.Subject,
            Body = new TextPart("plain") { Text = email.TextBody },
        };
        message.From.Add(From(_options));
        message.To.Add(new MailboxAddress(email.ToName ?? string.Empty, email.ToAddress));
        if (email.InReplyTo is not null)
        {
            message.InReplyTo = email.InReplyTo;
        }

        if (email.References is not null)
        {
            foreach (var id in email.References.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                message.References.Add(id);
            }
        }

        if (email.AutoSubmitted is not null)
        {
            // RFC 3834 §5: automatic answers say so, and ask Exchange not to send its own automatic answers back.
            message.Headers.Add("Auto-Submitted", email.AutoSubmitted);
            message.Headers.Add("X-Auto-Response-Suppress", "All");
        }

        return message;
    }

    public static MailboxAddress From(EmailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.From is not null && MailboxAddress.TryParse(options.From, out var from))
        {
            return from;
        }

        return new MailboxAddress("CallMyWay Soporte", options.Address);
    }

    private static bool IsRelayProblem(Exception ex, CancellationToken cancellationToken) =>
        ex is SocketException or IOException or SmtpProtocolException or SmtpCommandException or AuthenticationException or SslHandshakeException
            or ServiceNotConnectedException or ServiceNotAuthenticatedException or TimeoutException
        || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);
}
