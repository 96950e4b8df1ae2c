namespace CallMyWay.Voice.Domain.Agents;

/// <summary>A person who works the desk: logs in to the console and answers calls on their extension.</summary>
public sealed class Agent
{
    private Agent()
    {
    }

    public Agent(string email, string displayName, AgentRole role)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        Email = email.Trim().ToLowerInvariant();
        DisplayName = displayName.Trim();
        Role = role;
    }

    public int Id { get; private set; }
    public string Email { get; private set; } = string.Empty;
    public string DisplayName { get; private set; } = string.Empty;
    public AgentRole Role { get; private set; }

    /// <summary>The password hash in the host's hasher format; never the password itself.</summary>
    public string PasswordHash { get; private set; } = string.Empty;

    /// <summary>The extension the agent's SIP phone registers as, if they take calls.</summary>
    public string? Extension { get; private set; }

    public bool IsActive { get; private set; } = true;

    public void SetPasswordHash(string hash)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hash);
        PasswordHash = hash;
    }

    public void ChangeRole(AgentRole role) => Role = role;

    public void SetExtension(string? extension) => Extension = string.IsNullOrWhiteSpace(extension) ? null : extension.Trim();

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;

    /// <summary>The level whose cases this agent works; admins see every level.</summary>
    public int? Level => Role switch
    {
        AgentRole.Level1 => 1,
        AgentRole.Level2 => 2,
        AgentRole.Level3 => 3,
        _ => null,
    };
}
