using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Domain.Common;

namespace CallMyWay.Voice.Domain.Application;

/// <summary>
/// The desk's use cases on cases, shared by every channel (HTTP API, IVR, e-mail, chat): load, apply one
/// domain command, save, notify. On a concurrent change it reloads and reapplies the command (three attempts
/// in all), so two agents never lose each other's work.
/// </summary>
public sealed class CaseService(ICaseRepository repository, ICaseNotifier notifier, DeskRules rules, TimeProvider time)
{
    private const int Attempts = 3;

    public DeskRules Rules => rules;

    public async Task<SupportCase> OpenAsync(NewCase request, string actor, CancellationToken cancellationToken)
    {
        var supportCase = SupportCase.Open(request, Change(actor));
        await repository.AddAsync(supportCase, cancellationToken).ConfigureAwait(false);
        await notifier.CaseChangedAsync(supportCase, cancellationToken).ConfigureAwait(false);
        return supportCase;
    }

    public Task<SupportCase?> FindAsync(long number, CancellationToken cancellationToken) =>
        repository.FindAsync(number, cancellationToken);

    public Task<IReadOnlyList<SupportCase>> ListAsync(CaseQuery query, CancellationToken cancellationToken) =>
        repository.ListAsync(query, cancellationToken);

    /// <summary>Applies one command to a case and saves it; the command returns an error to refuse.</summary>
    public async Task<CaseResult> ChangeAsync(
        long number,
        string actor,
        Func<SupportCase, CaseChange, DomainError?> command,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        for (var attempt = 1; ; attempt++)
        {
            var supportCase = await repository.FindAsync(number, cancellationToken).ConfigureAwait(false);
            if (supportCase is null)
            {
                return CaseResult.Refused(DomainError.NotFound($"Case {number}"));
            }

            var error = command(supportCase, Change(actor));
            if (error is not null)
            {
                return CaseResult.Refused(error);
            }

            try
            {
                await repository.SaveAsync(supportCase, cancellationToken).ConfigureAwait(false);
            }
            catch (ConcurrentChangeException) when (attempt < Attempts)
            {
                continue;
            }
            catch (ConcurrentChangeException ex)
            {
                return CaseResult.Refused(DomainError.Conflict(ex.Message));
            }

            await notifier.CaseChangedAsync(supportCase, cancellationToken).ConfigureAwait(false);
            return CaseResult.Ok(supportCase);
        }
    }

    private CaseChange Change(string actor) => new(actor, time.GetUtcNow().ToOffset(rules.Calendar.Hours.UtcOffset), rules);
}
