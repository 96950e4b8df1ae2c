using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CallMyWay.Voice.Web.WhatsApp;

/// <summary>Registers the WhatsApp Cloud API layer: its options, the sending client and the clock the webhook reader uses.</summary>
public static class WhatsAppServiceCollectionExtensions
{
    /// <summary>
    /// The webhook endpoints also need an <see cref="IWhatsAppInbox"/>, which the conversations area registers;
    /// map them with <see cref="WhatsAppWebhookEndpoints.MapWhatsAppWebhookEndpoints"/>.
    /// </summary>
    public static IServiceCollection AddWhatsAppChannel(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<WhatsAppOptions>().Bind(configuration.GetSection(WhatsAppOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WhatsAppOptions>, WhatsAppOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        // The base address comes from the options in the client's constructor; the timeout bounds one send so an
        // agent's "send" never hangs on a slow Graph API (the result is then Retryable).
        services.AddHttpClient<WhatsAppCloudClient>(http => http.Timeout = TimeSpan.FromSeconds(30));
        services.AddHttpClient<WhatsAppMediaClient>(http => http.Timeout = TimeSpan.FromSeconds(60));
        return services;
    }
}
