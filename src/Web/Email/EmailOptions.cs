namespace CallMyWay.Voice.Web.Email;

/// <summary>Configuration section <c>Email</c>: the support mailbox, its intake, its outbound relay and its limits.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>The support mailbox customers write to (seed: "Registro de incidentes").</summary>
    public const string DefaultAddress = "sosporte24@callmyway.com";

    /// <summary>The seed's other published address, accepted unless <c>Email:Aliases</c> says otherwise.</summary>
    public const string DefaultAlias = "sosporte@callmyway.com";

    public string Address { get; set; } = DefaultAddress;

    /// <summary>Further recipient addresses the listener accepts; null means <see cref="DefaultAlias"/>.</summary>
    public IList<string>? Aliases { get; set; }

    /// <summary>The From of every mail we send, e.g. <c>CallMyWay Soporte &lt;sosporte24@callmyway.com&gt;</c>; null means the support address.</summary>
    public string? From { get; set; }

    public string AttachmentFolder { get; set; } = "data/attachments";

    /// <summary>Largest message accepted, advertised with the SMTP SIZE extension (RFC 1870).</summary>
    public int MaxMessageBytes { get; set; } = 10 * 1024 * 1024;

    public long MaxAttachmentBytes { get; set; } = 5 * 1024 * 1024;

    public long MaxAttachmentBytesPerMessage { get; set; } = 10 * 1024 * 1024;

    /// <summary>Messages one sender may send in an hour before the desk stops answering (SMTP: 452 at RCPT).</summary>
    public int MaxMessagesPerSenderPerHour { get; set; } = 20;

    /// <summary>Key of the signed confirmation links; empty means a random key kept in <see cref="LinkSecretFile"/>.</summary>
    public string? LinkSecret { get; set; }

    public string LinkSecretFile { get; set; } = "data/email-link.key";

    /// <summary>Where customers reach the service from their mail client: the base of the confirmation links.</summary>
    public string LinkBaseUrl { get; set; } = "http://localhost:5000";

    public InboundOptions Inbound { get; set; } = new();

    public OutboundOptions Outbound { get; set; } = new();

    public ImapOptions Imap { get; set; } = new();

    /// <summary>Every address the support mailbox answers to, lower case.</summary>
    public IReadOnlyList<string> AcceptedAddresses()
    {
        var addresses = new List<string> { Address.Trim().ToLowerInvariant() };
        foreach (var alias in Aliases ?? [DefaultAlias])
        {
            if (!string.IsNullOrWhiteSpace(alias) && !addresses.Contains(alias.Trim().ToLowerInvariant()))
            {
                addresses.Add(alias.Trim().ToLowerInvariant());
            }
        }

        return addresses;
    }
}
