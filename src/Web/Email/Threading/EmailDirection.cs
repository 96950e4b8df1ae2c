namespace CallMyWay.Voice.Web.Email.Threading;

/// <summary>Whether a message came to the support mailbox or left it.</summary>
public enum EmailDirection
{
    Inbound,
    Outbound,
}
