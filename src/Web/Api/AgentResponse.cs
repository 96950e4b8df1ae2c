using CallMyWay.Voice.Domain.Agents;

namespace CallMyWay.Voice.Web.Api;

/// <summary>An agent as the API shows it; never the password hash.</summary>
public sealed record AgentResponse(int Id, string Email, string DisplayName, AgentRole Role, string? Extension, bool Active, bool SipAccount, IReadOnlyList<RegistrationResponse> Registrations)
{
    public static AgentResponse From(Agent agent, IReadOnlyList<RegistrationResponse>? registrations = null)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return new AgentResponse(agent.Id, agent.Email, agent.DisplayName, agent.Role, agent.Extension, agent.IsActive, agent.HasSipCredentials, registrations ?? []);
    }
}
