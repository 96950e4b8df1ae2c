using System.Security.Claims;
using CallMyWay.Voice.Web.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace CallMyWay.Voice.Web.Auth;

/// <summary>Login, logout and "who am I" for the agents' console.</summary>
public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Auth");

        auth.MapPost("/login", async (LoginRequest request, AgentAccounts accounts, HttpContext http, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
            {
                return Problems.Validation(("email", "E-mail and password are required."));
            }

            var agent = await accounts.VerifyAsync(request.Email, request.Password, ct);
            if (agent is null)
            {
                return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Login failed", detail: "The e-mail or the password is wrong.");
            }

            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, AgentClaims.For(agent));
            return Results.NoContent();
        })
        .RequireRateLimiting(RateLimits.Login)
        .AllowAnonymous()
        .WithSummary("Logs an agent in and sets the auth cookie.");

        auth.MapPost("/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.NoContent();
        })
        .AllowAnonymous();

        auth.MapGet("/me", (ClaimsPrincipal user) => Results.Ok(new
        {
            email = user.Identity?.Name,
            name = user.FindFirstValue(ClaimTypes.GivenName),
            role = user.FindFirstValue(ClaimTypes.Role),
            level = user.FindFirstValue(AgentClaims.Level) is { } level ? int.Parse(level, System.Globalization.CultureInfo.InvariantCulture) : (int?)null,
        }))
        .RequireAuthorization(AgentPolicies.Agent);

        return app;
    }
}
