namespace CallMyWay.Voice.Web.Email.Outbound;

/// <summary>Who a mail goes to.</summary>
public sealed record Recipient(string Address, string? Name);
