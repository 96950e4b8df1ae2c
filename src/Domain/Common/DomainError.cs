namespace CallMyWay.Voice.Domain.Common;

/// <summary>Why the domain refused an operation, in words a user can act on.</summary>
/// <param name="Code">Stable machine-readable code, e.g. <c>case.illegal-transition</c>.</param>
/// <param name="Message">Human-readable reason.</param>
public sealed record DomainError(string Code, string Message)
{
    public static DomainError IllegalTransition(string from, string action) =>
        new("case.illegal-transition", $"A case that is {from} cannot be {action}.");

    public static DomainError Invalid(string message) => new("case.invalid", message);

    public static DomainError NotFound(string what) => new("not-found", $"{what} was not found.");

    public static DomainError Conflict(string message) => new("conflict", message);
}
