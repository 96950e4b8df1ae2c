using CallMyWay.Voice.Domain.Cases;

namespace CallMyWay.Voice.Domain.Application;

/// <summary>Tells whoever watches (agents' consoles, the e-mail channel) that a case changed.</summary>
public interface ICaseNotifier
{
    Task CaseChangedAsync(SupportCase supportCase, CancellationToken cancellationToken);
}
