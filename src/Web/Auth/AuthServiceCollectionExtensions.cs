using CallMyWay.Voice.Domain.Agents;
using CallMyWay.Voice.Domain.Common;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace CallMyWay.Voice.Web.Auth;

/// <summary>Registers cookie authentication for agents and the API's policies.</summary>
public static class AuthServiceCollectionExtensions
{
    public static IServiceCollection AddDeskAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AuthOptions>(configuration.GetSection(AuthOptions.Section));
        services.AddSingleton<IPasswordHasher<Agent>, PasswordHasher<Agent>>();
        services.AddScoped<AgentAccounts>();
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = "cmw.agent";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromHours(10);
                options.SlidingExpiration = true;

                // An API answers 401/403; it does not redirect to a login page.
                options.Events.OnRedirectToLogin = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                };
                options.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(AgentPolicies.Agent, policy => policy.RequireAuthenticatedUser())
            .AddPolicy(AgentPolicies.Admin, policy => policy.RequireAuthenticatedUser().RequireRole(ContractName.Of(AgentRole.Admin)));
        return services;
    }
}
