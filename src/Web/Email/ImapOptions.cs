namespace CallMyWay.Voice.Web.Email;

/// <summary>Configuration section <c>Email:Imap</c>: polling a mailbox that lives elsewhere, instead of (or besides) the listener.</summary>
public sealed class ImapOptions
{
    /// <summary>Empty turns polling off.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 993;

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>MailKit's <c>SecureSocketOptions</c>, as for the outbound relay.</summary>
    public string Security { get; set; } = "Auto";

    public string Folder { get; set; } = "INBOX";

    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);
}
