using System.Net;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CallMyWay.Voice.Web.Email;

/// <summary>Checks the <c>Email</c> section at start; every failure names its key.</summary>
public sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!IsAddress(options.Address))
        {
            failures.Add($"Email:Address must be an e-mail address such as {EmailOptions.DefaultAddress}, not \"{options.Address}\".");
        }

        foreach (var alias in options.Aliases ?? [])
        {
            if (!IsAddress(alias))
            {
                failures.Add($"Email:Aliases: \"{alias}\" is not an e-mail address.");
            }
        }

        if (options.From is not null && !MailboxAddress.TryParse(options.From, out _))
        {
            failures.Add($"Email:From must be an address, optionally with a name (\"CallMyWay Soporte <{EmailOptions.DefaultAddress}>\"), not \"{options.From}\".");
        }

        if (string.IsNullOrWhiteSpace(options.AttachmentFolder))
        {
            failures.Add("Email:AttachmentFolder must name a folder.");
        }

        if (options.MaxMessageBytes < 1024)
        {
            failures.Add($"Email:MaxMessageBytes must be at least 1024, not {options.MaxMessageBytes}.");
        }

        if (options.MaxAttachmentBytes < 1 || options.MaxAttachmentBytesPerMessage < options.MaxAttachmentBytes)
        {
            failures.Add("Email:MaxAttachmentBytes must be positive and no larger than Email:MaxAttachmentBytesPerMessage.");
        }

        if (options.MaxMessagesPerSenderPerHour < 1)
        {
            failures.Add($"Email:MaxMessagesPerSenderPerHour must be at least 1, not {options.MaxMessagesPerSenderPerHour}.");
        }

        if (!string.IsNullOrEmpty(options.LinkSecret) && options.LinkSecret.Length < 16)
        {
            failures.Add("Email:LinkSecret must have at least 16 characters (or be left empty for a generated one).");
        }

        if (string.IsNullOrEmpty(options.LinkSecret) && string.IsNullOrWhiteSpace(options.LinkSecretFile))
        {
            failures.Add("Email:LinkSecretFile must name a file when Email:LinkSecret is empty.");
        }

        if (!Uri.TryCreate(options.LinkBaseUrl, UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"Email:LinkBaseUrl must be an absolute http(s) URL, not \"{options.LinkBaseUrl}\".");
        }

        ValidateInbound(options.Inbound, failures);
        ValidateOutbound(options.Outbound, failures);
        ValidateImap(options.Imap, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateInbound(InboundOptions inbound, List<string> failures)
    {
        if (!IPAddress.TryParse(inbound.Address, out _))
        {
            failures.Add($"Email:Inbound:Address must be an IP address such as 127.0.0.1 or 0.0.0.0, not \"{inbound.Address}\".");
        }

        if (inbound.Port is < 0 or > 65535)
        {
            failures.Add($"Email:Inbound:Port must be between 0 and 65535, not {inbound.Port}.");
        }

        if (string.IsNullOrWhiteSpace(inbound.ServerName))
        {
            failures.Add("Email:Inbound:ServerName must not be empty.");
        }
    }

    private static void ValidateOutbound(OutboundOptions outbound, List<string> failures)
    {
        if (outbound.Port is < 1 or > 65535)
        {
            failures.Add($"Email:Outbound:Port must be between 1 and 65535, not {outbound.Port}.");
        }

        if (!Enum.TryParse<SecureSocketOptions>(outbound.Security, ignoreCase: true, out _))
        {
            failures.Add($"Email:Outbound:Security must be None, Auto, SslOnConnect, StartTls or StartTlsWhenAvailable, not \"{outbound.Security}\".");
        }

        if (string.IsNullOrEmpty(outbound.Username) != string.IsNullOrEmpty(outbound.Password))
        {
            failures.Add("Email:Outbound:Username and Email:Outbound:Password go together: give both or neither.");
        }

        if (outbound.Timeout <= TimeSpan.Zero)
        {
            failures.Add("Email:Outbound:Timeout must be positive.");
        }

        if (outbound.FirstRetry <= TimeSpan.Zero || outbound.MaxRetry < outbound.FirstRetry)
        {
            failures.Add("Email:Outbound:FirstRetry must be positive and no longer than Email:Outbound:MaxRetry.");
        }
    }

    private static void ValidateImap(ImapOptions imap, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(imap.Host))
        {
            return;
        }

        if (imap.Port is < 1 or > 65535)
        {
            failures.Add($"Email:Imap:Port must be between 1 and 65535, not {imap.Port}.");
        }

        if (string.IsNullOrEmpty(imap.Username) || string.IsNullOrEmpty(imap.Password))
        {
            failures.Add("Email:Imap:Username and Email:Imap:Password are needed when Email:Imap:Host is set.");
        }

        if (!Enum.TryParse<SecureSocketOptions>(imap.Security, ignoreCase: true, out _))
        {
            failures.Add($"Email:Imap:Security must be None, Auto, SslOnConnect, StartTls or StartTlsWhenAvailable, not \"{imap.Security}\".");
        }

        if (string.IsNullOrWhiteSpace(imap.Folder))
        {
            failures.Add("Email:Imap:Folder must name a folder, e.g. INBOX.");
        }

        if (imap.Interval < TimeSpan.FromSeconds(1))
        {
            failures.Add("Email:Imap:Interval must be at least one second.");
        }
    }

    private static bool IsAddress(string? text) =>
        !string.IsNullOrWhiteSpace(text) && MailboxAddress.TryParse(text, out var mailbox) && mailbox.Address.Contains('@', StringComparison.Ordinal) && string.IsNullOrEmpty(mailbox.Name);
}
