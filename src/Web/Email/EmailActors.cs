namespace CallMyWay.Voice.Web.Email;

/// <summary>The actors the e-mail channel writes into case histories; the watcher never mails their entries back.</summary>
public static class EmailActors
{
    /// <summary>The channel itself: a case opened from a message, attachments kept.</summary>
    public const string Channel = "email";

    /// <summary>The customer, through a reply or a confirmation link.</summary>
    public const string Customer = "customer";

    public static bool IsOurs(string actor) =>
        string.Equals(actor, Channel, StringComparison.OrdinalIgnoreCase) || string.Equals(actor, Customer, StringComparison.OrdinalIgnoreCase);
}
