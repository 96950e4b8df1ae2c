namespace CallMyWay.Voice.Web.WhatsApp;

/// <summary>Configuration section <c>WhatsApp</c>: the Cloud API business number, its secrets and the approved templates.</summary>
/// <remarks>
/// The three secrets have no defaults in code: they come from configuration or the environment
/// (<c>WhatsApp__VerifyToken</c>, <c>WhatsApp__AppSecret</c>, <c>WhatsApp__AccessToken</c>).
/// </remarks>
public sealed class WhatsAppOptions
{
    public const string Section = "WhatsApp";

    public const string DefaultBaseUrl = "https://graph.facebook.com";

    public const string DefaultApiVersion = "v21.0";

    /// <summary>Off by default: the webhook answers 404 and the client refuses to send until the channel is configured.</summary>
    public bool Enabled { get; set; }

    /// <summary>The string typed in the App Dashboard's "Verify Token" field, echoed back by Meta as <c>hub.verify_token</c>.</summary>
    public string? VerifyToken { get; set; }

    /// <summary>The Meta app's App Secret, the HMAC key of <c>X-Hub-Signature-256</c>.</summary>
    public string? AppSecret { get; set; }

    /// <summary>A (system user) access token with <c>whatsapp_business_messaging</c>, sent as a Bearer token.</summary>
    public string? AccessToken { get; set; }

    /// <summary>The business phone number ID (not the number itself) that messages are sent from.</summary>
    public string? PhoneNumberId { get; set; }

    public string BaseUrl { get; set; } = DefaultBaseUrl;

    public string ApiVersion { get; set; } = DefaultApiVersion;

    /// <summary>The message templates approved in WhatsApp Manager that agents may send outside the customer-service window.</summary>
    public IList<WhatsAppTemplateOptions> Templates { get; set; } = [];

    /// <summary>Largest webhook body accepted; Meta batches at most a few hundred KB per notification.</summary>
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>The configured template with that name and language (both compared ordinally, as Meta does), or null.</summary>
    public WhatsAppTemplateOptions? FindTemplate(string name, string languageCode)
    {
        foreach (var template in Templates)
        {
            if (string.Equals(template.Name, name, StringComparison.Ordinal) && string.Equals(template.Language, languageCode, StringComparison.Ordinal))
            {
                return template;
            }
        }

        return null;
    }

    /// <summary>The Graph API root with a trailing slash, so relative paths keep any path prefix of <see cref="BaseUrl"/>.</summary>
    internal Uri BaseAddress() => new(BaseUrl.TrimEnd('/') + "/", UriKind.Absolute);
}
