using System.Text.Json;
using System.Text.Json.Serialization;
using CallMyWay.Voice.Domain.Sla;
using Microsoft.AspNetCore.Http.Json;

namespace CallMyWay.Voice.Web.Api;

/// <summary>Registers the HTTP API's plumbing: JSON, problem details, OpenAPI, rate limits.</summary>
public static class ApiServiceCollectionExtensions
{
    public static IServiceCollection AddDeskApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<JsonOptions>(options => Configure(options.SerializerOptions));
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddOpenApi();
        services.AddDeskRateLimits(configuration);
        return services;
    }

    /// <summary>camelCase names and enum values as the contract spells them (<c>awaitingInfo</c>, <c>S1</c>).</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter<Severity>(allowIntegerValues: false));
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
    }
}
