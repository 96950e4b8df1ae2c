using CallMyWay.Voice.Domain.Application;
using CallMyWay.Voice.Domain.Cases;

namespace CallMyWay.Voice.Domain.Tests.Application;

/// <summary>Remembers every notification, with the case's number, status and version at that moment.</summary>
internal sealed class RecordingCaseNotifier : ICaseNotifier
{
    private readonly List<(long Number, CaseStatus Status, int Version)> _notified = [];

    public IReadOnlyList<(long Number, CaseStatus Status, int Version)> Notified => _notified;

    public Task CaseChangedAsync(SupportCase supportCase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(supportCase);
        _notified.Add((supportCase.Number, supportCase.Status, supportCase.Version));
        return Task.CompletedTask;
    }
}
