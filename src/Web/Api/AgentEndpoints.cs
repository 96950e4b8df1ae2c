using CallMyWay.Voice.Domain.Agents;
using CallMyWay.Voice.Domain.Common;
using CallMyWay.Voice.Web.Auth;
using CallMyWay.Voice.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CallMyWay.Voice.Web.Api;

/// <summary>Administration of agents: who may log in, at which level, on which extension.</summary>
public static class AgentEndpoints
{
    public static IEndpointRouteBuilder MapAgentEndpoints(this IEndpointRouteBuilder app)
    {
        var agents = app.MapGroup("/api/agents").WithTags("Agents").RequireAuthorization(AgentPolicies.Admin);

        agents.MapGet("/", async (DeskDbContext db, CancellationToken ct) =>
        {
            var all = await db.Agents.AsNoTracking().OrderBy(a => a.Email).ToListAsync(ct);
            return Results.Ok(all.ConvertAll(AgentResponse.From));
        })
        .WithSummary("Lists agents.");

        agents.MapPost("/", async (CreateAgentRequest request, AgentAccounts accounts, CancellationToken ct) =>
        {
            var errors = new List<(string, string)>();
            if (string.IsNullOrWhiteSpace(request.Email) || !request.Email.Contains('@', StringComparison.Ordinal))
            {
                errors.Add(("email", "Give the agent's e-mail."));
            }

            if (string.IsNullOrWhiteSpace(request.DisplayName))
            {
                errors.Add(("displayName", "Give the agent's name."));
            }

            if (request.Role is not { } role || !Enum.IsDefined(role))
            {
                errors.Add(("role", "Role is level1, level2, level3 or admin."));
            }

            if (PasswordRules.Problem(request.Password) is { } problem)
            {
                errors.Add(("password", problem));
            }

            if (request.Extension is { } extension && (extension.Length is < 2 or > 8 || !extension.All(char.IsAsciiDigit)))
            {
                errors.Add(("extension", "An extension has 2 to 8 digits."));
            }

            if (errors.Count > 0)
            {
                return Problems.Validation([.. errors]);
            }

            if (await accounts.EmailTakenAsync(request.Email!, ct))
            {
                return Problems.From(DomainError.Conflict($"An agent with e-mail {request.Email} already exists."));
            }

            if (request.Extension is not null && await accounts.ExtensionTakenAsync(request.Extension, ct))
            {
                return Problems.From(DomainError.Conflict($"Extension {request.Extension} belongs to another agent."));
            }

            var agent = await accounts.CreateAsync(request.Email!, request.DisplayName!, request.Role!.Value, request.Password!, request.Extension, ct);
            return Results.Created($"/api/agents/{agent.Id}", AgentResponse.From(agent));
        })
        .WithSummary("Creates an agent.");

        return app;
    }
}
