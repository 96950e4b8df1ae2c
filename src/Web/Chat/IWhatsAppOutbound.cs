namespace CallMyWay.Voice.Web.Chat;

/// <summary>How agents' replies leave for WhatsApp: the Cloud API, or nothing when the channel is not configured.</summary>
public interface IWhatsAppOutbound
{
    bool Enabled { get; }

    /// <summary>The approved message templates (name, language) agents may send outside the 24-hour window.</summary>
    IReadOnlyList<WhatsAppTemplate> Templates { get; }

    Task<WhatsAppDelivery> SendTextAsync(string toE164, string text, CancellationToken cancellationToken);

    Task<WhatsAppDelivery> SendTemplateAsync(string toE164, WhatsAppTemplate template, CancellationToken cancellationToken);
}
