using CallMyWay.Voice.Domain.Cases;

namespace CallMyWay.Voice.Telephony.Ivr.Desk;

/// <summary>
/// A durable queue of cases the IVR could not save because the database was unreachable. The web host keeps it on
/// disk and opens each case through <c>CaseService.OpenAsync</c> (actor <see cref="CaseServiceIvrDesk.Actor"/>) when
/// the database is back; an agent then confirms the number to the caller.
/// </summary>
public interface IIvrOutbox
{
    /// <summary>Completes only once the case is durably stored (it survives a restart).</summary>
    Task EnqueueAsync(NewCase request, CancellationToken cancellationToken);
}
