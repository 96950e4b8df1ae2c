using CallMyWay.Voice.Domain.Agents;
using CallMyWay.Voice.Domain.Common;
using CallMyWay.Voice.Telephony.Sip.Auth;
using CallMyWay.Voice.Telephony.Sip.Registrar;
using CallMyWay.Voice.Web.Auth;
using CallMyWay.Voice.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CallMyWay.Voice.Web.Api;

/// <summary>Administration of agents: who may log in, at which level, on which extension.</summary>
public static class AgentEndpoints
{
    public static IEndpointRouteBuilder MapAgentEndpoints(this IEndpointRouteBuilder app)
    {
        var agents = app.MapGroup("/api/agents").WithTags("Agents").RequireAuthorization(AgentPolicies.Admin);

        agents.MapGet("/", async (DeskDbContext db, RegistrationBindings bindings, TimeProvider time, CancellationToken ct) =>
        {
            var all = await db.Agents.AsNoTracking().OrderBy(a => a.Email).ToListAsync(ct);
            var now = time.GetUtcNow();
            return Results.Ok(all.ConvertAll(a => AgentResponse.From(a, a.Extension is null ? [] : bindings.Lookup(a.Extension)
                .Select(b => new RegistrationResponse(b.Uri.ToString(), b.ReceivedFrom.ToString(), b.UserAgent, (int)b.SecondsLeftAt(now)))
                .ToList())));
        })
        .WithSummary("Lists agents with their phones' current registrations.");

        agents.MapPut("/{id:int}/sip", async (int id, SipCredentialsRequest request, DeskDbContext db, IOptions<RegistrarOptions> registrar, CancellationToken ct) =>
        {
            if (SipCredentialProblem(request.Extension, request.Password) is { } problem)
            {
                return Problems.Validation(problem);
            }

            var agent = await db.Agents.FirstOrDefaultAsync(a => a.Id == id, ct);
            if (agent is null)
            {
                return Problems.From(DomainError.NotFound($"Agent {id}"));
            }

            if (await db.Agents.AnyAsync(a => a.Extension == request.Extension && a.Id != id, ct))
            {
                return Problems.From(DomainError.Conflict($"Extension {request.Extension} belongs to another agent."));
            }

            SetSipCredentials(agent, request.Extension!, request.Password!, registrar.Value.Realm);
            await db.SaveChangesAsync(ct);
            return Results.Ok(AgentResponse.From(agent));
        })
        .WithSummary("Sets the extension and SIP password the agent's phone registers with (stored as digest HA1 values).");

        agents.MapPost("/", async (CreateAgentRequest request, AgentAccounts accounts, DeskDbContext db, IOptions<RegistrarOptions> registrar, CancellationToken ct) =>
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

            if (request.SipPassword is not null && SipCredentialProblem(request.Extension, request.SipPassword) is { } sipProblem)
            {
                errors.Add(sipProblem);
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
            if (request.SipPassword is not null)
            {
                SetSipCredentials(agent, request.Extension!, request.SipPassword, registrar.Value.Realm);
                await db.SaveChangesAsync(ct);
            }

            return Results.Created($"/api/agents/{agent.Id}", AgentResponse.From(agent));
        })
        .WithSummary("Creates an agent.");

        return app;
    }

    private static (string, string)? SipCredentialProblem(string? extension, string? password)
    {
        if (extension is null || extension.Length is < 2 or > 8 || !extension.All(char.IsAsciiDigit))
        {
            return ("extension", "A phone needs an extension of 2 to 8 digits.");
        }

        return password is null || password.Length < 10 ? ("sipPassword", "A SIP password needs at least 10 characters: phones are attacked by scanners all day.") : null;
    }

    private static void SetSipCredentials(Agent agent, string extension, string password, string realm) =>
        agent.SetSipCredentials(extension, DigestAlgorithm.Md5.ComputeHa1(extension, realm, password), DigestAlgorithm.Sha256.ComputeHa1(extension, realm, password));
}
