using CallMyWay.Voice.Telephony.Media.Prompts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CallMyWay.Voice.Telephony.Media.Engine;

/// <summary>Registers the media engine and its <c>Media</c> options.</summary>
public static class MediaServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <c>Media</c> at start (a bad value stops the service naming the key) and
    /// registers one <see cref="MediaEngine"/>; with <paramref name="promptDirectory"/>, also a
    /// <see cref="PromptLibrary"/> over that folder.
    /// </summary>
    public static IServiceCollection AddMediaEngine(this IServiceCollection services, IConfiguration configuration, string? promptDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<MediaOptions>()
            .Bind(configuration.GetSection(MediaOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MediaOptions>, MediaOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<MediaEngine>();
        if (promptDirectory is not null)
        {
            services.TryAddSingleton(new PromptLibrary(promptDirectory));
        }

        return services;
    }
}
