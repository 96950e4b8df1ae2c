using System.Globalization;
using System.Security.Claims;
using CallMyWay.Voice.Domain.Agents;
using CallMyWay.Voice.Domain.Common;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace CallMyWay.Voice.Web.Auth;

/// <summary>What the auth cookie says about an agent.</summary>
public static class AgentClaims
{
    public const string Level = "level";

    /// <summary>The extension the agent's phone registers as: where the queue rings them.</summary>
    public const string Extension = "extension";

    public static ClaimsPrincipal For(Agent agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, agent.Id.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, agent.Email),
            new(ClaimTypes.GivenName, agent.DisplayName),
            new(ClaimTypes.Role, ContractName.Of(agent.Role)),
        };
        if (agent.Extension is { } extension)
        {
            claims.Add(new Claim(Extension, extension));
        }

        if (agent.Level is { } level)
        {
            claims.Add(new Claim(Level, level.ToString(CultureInfo.InvariantCulture)));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }

    /// <summary>The agent's e-mail, which history entries record as the actor.</summary>
    public static string Actor(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identity?.Name ?? "unknown";
    }
}
