using System.Collections.Concurrent;
using CallMyWay.Voice.Web.Click2Call;

namespace CallMyWay.Voice.Web.Tests.Click2Call;

/// <summary>Keeps the triggers a real scheduler would set, so tests can check the time and fire them by hand.</summary>
internal sealed class FakeScheduler : IClick2CallScheduler
{
    public ConcurrentDictionary<string, DateTimeOffset> Triggers { get; } = new();

    public Task ScheduleAsync(string callbackId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        Triggers[callbackId] = at;
        return Task.CompletedTask;
    }

    public Task CancelAsync(string callbackId, CancellationToken cancellationToken)
    {
        Triggers.TryRemove(callbackId, out _);
        return Task.CompletedTask;
    }
}
