using CallMyWay.Voice.Domain.Cases;

namespace CallMyWay.Voice.Web.Desk;

/// <summary>Writes one structured log line per case change: the desk's audit trail in the logs.</summary>
public sealed partial class LoggingCaseNotifier(ILogger<LoggingCaseNotifier> logger) : ICaseWatcher
{
    public Task CaseChangedAsync(SupportCase supportCase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(supportCase);
        var last = supportCase.History.Count > 0 ? supportCase.History[^1] : null;
        CaseChanged(logger, supportCase.Number, supportCase.Status, supportCase.Severity.ToString(), (int)supportCase.Level, last?.Actor, last?.Action);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {Number} is {Status}, {Severity}, level {Level} after {Action} by {Actor}")]
    private static partial void CaseChanged(ILogger logger, long number, CaseStatus status, string severity, int level, string? actor, string? action);
}
