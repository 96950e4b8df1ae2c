using System.Globalization;
using System.Security.Claims;
using CallMyWay.Voice.Domain.Agents;
using CallMyWay.Voice.Domain.Common;
using CallMyWay.Voice.Web.Auth;

namespace CallMyWay.Voice.Web.Chat;

/// <summary>The agent acting on a chat: their e-mail (the assignee), the name customers see, and their level (null for administrators, who work every level).</summary>
public sealed record ChatAgent(string Email, string? DisplayName, int? Level)
{
    public static ChatAgent From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        int? level = user.IsInRole(ContractName.Of(AgentRole.Admin))
            ? null
            : int.TryParse(user.FindFirstValue(AgentClaims.Level), NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : 1;
        return new ChatAgent(AgentClaims.Actor(user), user.FindFirstValue(ClaimTypes.GivenName), level);
    }
}
