using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Domain.Common;

namespace CallMyWay.Voice.Domain.Application;

/// <summary>The case after a command, or why the command was refused.</summary>
public sealed record CaseResult(SupportCase? Case, DomainError? Error)
{
    public static CaseResult Ok(SupportCase supportCase) => new(supportCase, null);

    public static CaseResult Refused(DomainError error) => new(null, error);
}
