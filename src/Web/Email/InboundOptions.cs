namespace CallMyWay.Voice.Web.Email;

/// <summary>Configuration section <c>Email:Inbound</c>: the SMTP listener of the support mailbox.</summary>
public sealed class InboundOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Loopback by default: a mail server in front (Postfix, Exchange) relays to it. <c>0.0.0.0</c> to face the Internet.</summary>
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>0 picks a free port (tests).</summary>
    public int Port { get; set; } = 2525;

    /// <summary>The name in the greeting and EHLO answer.</summary>
    public string ServerName { get; set; } = "localhost";
}
