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

    /// <summary>HA1 of the phone's SIP password for MD5 digest (RFC 7616): the password itself is never stored.</summary>
    public string? SipMd5Ha1 { get; private set; }

    /// <summary>HA1 of the phone's SIP password for SHA-256 digest (RFC 8760).</summary>
    public string? SipSha256Ha1 { get; private set; }

    public bool HasSipCredentials => Extension is not null && SipMd5Ha1 is not null;

    public void SetPasswordHash(string hash)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hash);
        PasswordHash = hash;
    }

    public void ChangeRole(AgentRole role) => Role = role;

    public void SetExtension(string? extension) => Extension = string.IsNullOrWhiteSpace(extension) ? null : extension.Trim();

    /// <summary>Gives the agent's phone its extension and SIP secret (as HA1 values computed by the host for its realm).</summary>
    public void SetSipCredentials(string extension, string md5Ha1, string sha256Ha1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(extension);
        ArgumentException.ThrowIfNullOrWhiteSpace(md5Ha1);
        ArgumentException.ThrowIfNullOrWhiteSpace(sha256Ha1);
        Extension = extension.Trim();
        SipMd5Ha1 = md5Ha1;
        SipSha256Ha1 = sha256Ha1;
    }

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
