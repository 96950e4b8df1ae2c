namespace CallMyWay.Voice.Web.Email;

/// <summary>Configuration section <c>Email:Outbound</c>: the SMTP relay notifications go through.</summary>
public sealed class OutboundOptions
{
    /// <summary>Empty keeps mail queued in the outbox until a relay is configured.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>MailKit's <c>SecureSocketOptions</c>: <c>None</c>, <c>Auto</c>, <c>SslOnConnect</c>, <c>StartTls</c>, <c>StartTlsWhenAvailable</c>.</summary>
    public string Security { get; set; } = "StartTlsWhenAvailable";

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Wait after the first failed attempt; it doubles with every further failure.</summary>
    public TimeSpan FirstRetry { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetry { get; set; } = TimeSpan.FromHours(1);
}
