namespace CallMyWay.Voice.Web.Widgets;

/// <summary>
/// The website widgets (Click2Call, web chat) run on callmyway.com's pages while the desk answers on its own host: the
/// browser lets them call the public endpoints and the visitors' hub only from the origins listed in
/// <c>Widgets:AllowedOrigins</c> (none by default: same origin only). Credentials are allowed because the SignalR
/// client sends them; that is why origins are listed one by one, never "*".
/// </summary>
public static class WidgetCors
{
    public const string Policy = "widgets";

    public const string Section = "Widgets:AllowedOrigins";

    public static IServiceCollection AddWidgetCors(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = configuration.GetSection(Section).Get<string[]>() ?? [];
        foreach (var origin in origins)
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.AbsolutePath != "/" || origin.EndsWith('/'))
            {
                throw new InvalidOperationException($"{Section}: \"{origin}\" is not an origin; write it as scheme://host[:port], e.g. https://www.callmyway.com.");
            }
        }

        services.AddCors(options => options.AddPolicy(Policy, policy =>
            policy.WithOrigins(origins).AllowAnyHeader().AllowAnyMethod().AllowCredentials().SetPreflightMaxAge(TimeSpan.FromHours(1))));
        return services;
    }
}
