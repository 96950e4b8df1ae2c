using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace CallMyWay.Voice.Web.Api;

/// <summary>Rate limits of the public endpoints, per client IP, so that guessing passwords or flooding costs the attacker.</summary>
public static class RateLimits
{
    public const string Login = "login";
    public const string Public = "public";

    public static IServiceCollection AddDeskRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var loginPerMinute = configuration.GetValue("RateLimits:LoginPerMinute", 10);
        var publicPerMinute = configuration.GetValue("RateLimits:PublicPerMinute", 120);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, ct) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests", detail: "Slow down and try again in a minute.")
                    .ExecuteAsync(context.HttpContext);
            };
            options.AddPolicy(Login, http => PerClient(http, loginPerMinute));
            options.AddPolicy(Public, http => PerClient(http, publicPerMinute));
        });
        return services;
    }

    private static RateLimitPartition<string> PerClient(HttpContext http, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(
            http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
}
