namespace CallMyWay.Voice.Web.WhatsApp;

/// <summary>An error object of a webhook (<c>code</c>, <c>title</c>, <c>error_data.details</c>) as Meta reports it.</summary>
public sealed record WhatsAppError(int Code, string Title, string? Details)
{
    /// <summary>"131047 Re-engagement message: Message failed to send because…", for people and logs.</summary>
    public string Describe() => string.IsNullOrEmpty(Details) || string.Equals(Details, Title, StringComparison.Ordinal)
        ? $"{Code} {Title}".TrimEnd()
        : $"{Code} {Title}: {Details}";
}
