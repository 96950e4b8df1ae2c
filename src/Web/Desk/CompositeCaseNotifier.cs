using CallMyWay.Voice.Domain.Application;
using CallMyWay.Voice.Domain.Cases;

namespace CallMyWay.Voice.Web.Desk;

/// <summary>
/// Tells every registered watcher about a case change. A watcher that fails (a console gone, a mail relay down)
/// is logged and does not undo the change, which is already saved.
/// </summary>
public sealed class CompositeCaseNotifier(IEnumerable<ICaseWatcher> watchers, ILogger<CompositeCaseNotifier> logger) : ICaseNotifier
{
    public async Task CaseChangedAsync(SupportCase supportCase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(supportCase);
        foreach (var watcher in watchers)
        {
            try
            {
                await watcher.CaseChangedAsync(supportCase, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Watcher {Watcher} failed on case {Number}", watcher.GetType().Name, supportCase.Number);
            }
        }
    }
}
