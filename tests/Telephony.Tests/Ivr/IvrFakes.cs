using System.Collections.Concurrent;
using CallMyWay.Voice.Domain.Application;
using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Telephony.Ivr;
using CallMyWay.Voice.Telephony.Ivr.Desk;
using CallMyWay.Voice.Telephony.Ivr.Events;

namespace CallMyWay.Voice.Telephony.Tests.Ivr;

/// <summary>Whether agents are free, as the test says.</summary>
internal sealed class AgentsOnDuty : IAgentAvailability
{
    public bool AgentsAvailable { get; set; }
}

/// <summary>The outbox as a list; <see cref="Broken"/> makes it refuse too.</summary>
internal sealed class RecordingOutbox : IIvrOutbox
{
    public ConcurrentQueue<NewCase> Queued { get; } = new();

    public bool Broken { get; set; }

    public Task EnqueueAsync(NewCase request, CancellationToken cancellationToken)
    {
        if (Broken)
        {
            throw new IOException("The outbox disk is full.");
        }

        Queued.Enqueue(request);
        return Task.CompletedTask;
    }
}

internal sealed class RecordingEventSink : IIvrEventSink
{
    public List<IvrEvent> Events { get; } = [];

    public void Publish(IvrEvent ivrEvent) => Events.Add(ivrEvent);
}

internal sealed class SilentCaseNotifier : ICaseNotifier
{
    public Task CaseChangedAsync(SupportCase supportCase, CancellationToken cancellationToken) => Task.CompletedTask;
}
