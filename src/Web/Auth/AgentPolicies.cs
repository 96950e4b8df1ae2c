namespace CallMyWay.Voice.Web.Auth;

/// <summary>Authorization policy names.</summary>
public static class AgentPolicies
{
    /// <summary>Any active agent who logged in.</summary>
    public const string Agent = "agent";

    /// <summary>Administrators: manage agents and their SIP credentials.</summary>
    public const string Admin = "admin";
}
