using CallMyWay.Voice.Domain.Cases;

namespace CallMyWay.Voice.Web.Desk;

/// <summary>Something in the host that reacts to a saved case change: the agents' hub, the log, the e-mail channel, the SLA scheduler.</summary>
public interface ICaseWatcher
{
    Task CaseChangedAsync(SupportCase supportCase, CancellationToken cancellationToken);
}
