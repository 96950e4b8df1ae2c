namespace CallMyWay.Voice.Web.Auth;

/// <summary>What an agent's password must be: long enough to resist guessing (NIST SP 800-63B favours length).</summary>
public static class PasswordRules
{
    public const int MinimumLength = 12;

    public static string? Problem(string? password) =>
        string.IsNullOrEmpty(password) || password.Length < MinimumLength
            ? $"A password needs at least {MinimumLength} characters."
            : password.Length > 256 ? "A password may have at most 256 characters." : null;
}
