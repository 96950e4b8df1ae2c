using CallMyWay.Voice.Domain.Agents;
using CallMyWay.Voice.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CallMyWay.Voice.Web.Auth;

/// <summary>Agents' accounts: create, verify a password, and seed the first administrator.</summary>
public sealed class AgentAccounts(DeskDbContext db, IPasswordHasher<Agent> hasher, ILogger<AgentAccounts> logger)
{
    /// <summary>Checks a login; returns the agent, or null without saying which part was wrong.</summary>
    public async Task<Agent?> VerifyAsync(string email, string password, CancellationToken cancellationToken)
    {
        var normalized = email.Trim().ToLowerInvariant();
        var agent = await db.Agents.FirstOrDefaultAsync(a => a.Email == normalized, cancellationToken).ConfigureAwait(false);
        if (agent is null || !agent.IsActive)
        {
            // Hash anyway so that unknown e-mails take as long as wrong passwords.
            hasher.HashPassword(new Agent("nobody@invalid", "nobody", AgentRole.Level1), password);
            return null;
        }

        var result = hasher.VerifyHashedPassword(agent, agent.PasswordHash, password);
        if (result == PasswordVerificationResult.Failed)
        {
            return null;
        }

        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            agent.SetPasswordHash(hasher.HashPassword(agent, password));
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        return agent;
    }

    public async Task<Agent> CreateAsync(string email, string displayName, AgentRole role, string password, string? extension, CancellationToken cancellationToken)
    {
        var agent = new Agent(email, displayName, role);
        agent.SetPasswordHash(hasher.HashPassword(agent, password));
        agent.SetExtension(extension);
        db.Agents.Add(agent);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return agent;
    }

    public Task<bool> EmailTakenAsync(string email, CancellationToken cancellationToken)
    {
        var normalized = email.Trim().ToLowerInvariant();
        return db.Agents.AnyAsync(a => a.Email == normalized, cancellationToken);
    }

    public Task<bool> ExtensionTakenAsync(string extension, CancellationToken cancellationToken) =>
        db.Agents.AnyAsync(a => a.Extension == extension.Trim(), cancellationToken);

    /// <summary>Creates the administrator named by <c>Auth:AdminEmail</c>/<c>Auth:AdminPassword</c> if they do not exist yet.</summary>
    public async Task EnsureAdministratorAsync(AuthOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.AdminEmail) || string.IsNullOrEmpty(options.AdminPassword))
        {
            if (!await db.Agents.AnyAsync(cancellationToken).ConfigureAwait(false))
            {
                logger.LogWarning("No agent exists yet and Auth:AdminEmail/Auth:AdminPassword are not set: nobody can log in to the console until they are.");
            }

            return;
        }

        if (await EmailTakenAsync(options.AdminEmail, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        if (PasswordRules.Problem(options.AdminPassword) is { } problem)
        {
            throw new InvalidOperationException($"Auth:AdminPassword: {problem}");
        }

        await CreateAsync(options.AdminEmail, "Administrator", AgentRole.Admin, options.AdminPassword, extension: null, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Created the first administrator {Email}.", options.AdminEmail);
    }
}
