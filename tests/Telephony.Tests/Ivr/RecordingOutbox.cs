using System.Collections.Concurrent;
using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Telephony.Ivr.Desk;

namespace CallMyWay.Voice.Telephony.Tests.Ivr;

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
