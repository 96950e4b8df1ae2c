using CallMyWay.Voice.Web.Chat;
using Microsoft.Extensions.Options;

namespace CallMyWay.Voice.Web.WhatsApp;

/// <summary>Agents' WhatsApp answers through the Cloud API client, addressed by the customer's number without its plus (as <c>wa_id</c>).</summary>
public sealed class CloudApiWhatsAppOutbound(WhatsAppCloudClient client, IOptionsMonitor<WhatsAppOptions> options) : IWhatsAppOutbound
{
    public bool Enabled => options.CurrentValue.Enabled;

    public IReadOnlyList<WhatsAppTemplate> Templates => [.. options.CurrentValue.Templates.Select(t => new WhatsAppTemplate(t.Name, t.Language))];

    public async Task<WhatsAppDelivery> SendTextAsync(string toE164, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(toE164);
        return Delivery(await client.SendTextAsync(toE164.TrimStart('+'), text, cancellationToken).ConfigureAwait(false));
    }

    public async Task<WhatsAppDelivery> SendTemplateAsync(string toE164, WhatsAppTemplate template, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(toE164);
        ArgumentNullException.ThrowIfNull(template);
        return Delivery(await client.SendTemplateAsync(toE164.TrimStart('+'), template.Name, template.Language, cancellationToken).ConfigureAwait(false));
    }

    private static WhatsAppDelivery Delivery(WhatsAppSendResult result) =>
        result.Succeeded
            ? new WhatsAppDelivery(result.MessageId, null, false)
            : new WhatsAppDelivery(null, result.ErrorMessage ?? $"HTTP {result.HttpStatus}", result.OutsideCustomerServiceWindow);
}
