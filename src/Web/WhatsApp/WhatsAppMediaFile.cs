namespace CallMyWay.Voice.Web.WhatsApp;

/// <summary>A WhatsApp file fetched from Meta, or why it could not be.</summary>
public sealed record WhatsAppMediaFile(byte[]? Content, string? MimeType, string? Error)
{
    public static WhatsAppMediaFile Failed(string error) => new(null, null, error);
}
