using CallMyWay.Voice.Domain.Agents;

namespace CallMyWay.Voice.Web.Api;

/// <summary>Body of <c>POST /api/agents</c>.</summary>
public sealed record CreateAgentRequest(string? Email, string? DisplayName, AgentRole? Role, string? Password, string? Extension, string? SipPassword = null);
