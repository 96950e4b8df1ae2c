namespace CallMyWay.Voice.Web.Auth;

/// <summary>Configuration section <c>Auth</c>: the first administrator, created on first start if absent.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    public string? AdminEmail { get; set; }

    /// <summary>Given by environment or command line, never committed (README).</summary>
    public string? AdminPassword { get; set; }
}
