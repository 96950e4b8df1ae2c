using System.Threading.Channels;
using CallMyWay.Voice.Telephony.Sip.UserAgent.Outbound;
using CallMyWay.Voice.Web.Calls.Queue;

namespace CallMyWay.Voice.Web.Tests.Calls.Queue;

/// <summary>
/// Records which phones the queue rang, in order; each ring lasts until the test lets it ring out
/// (<see cref="RingOutNext"/>) or, with <see cref="RingOutAtOnce"/>, ends unanswered at once.
/// </summary>
internal sealed class FakeAgentPhoneDialer : IAgentPhoneDialer
{
    private readonly Channel<OutboundCallRequest> _placed = Channel.CreateUnbounded<OutboundCallRequest>();
    private readonly Channel<TaskCompletionSource> _ringing = Channel.CreateUnbounded<TaskCompletionSource>();

    public bool RingOutAtOnce { get; init; }

    public async Task<OutboundCallResult> PlaceAsync(OutboundCallRequest request, CancellationToken cancellationToken)
    {
        _placed.Writer.TryWrite(request);
        if (!RingOutAtOnce)
        {
            var ring = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _ringing.Writer.TryWrite(ring);
            await ring.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        return NoAnswer();
    }

    /// <summary>The next phone the queue rings, failing the test when none rings within <paramref name="patience"/>.</summary>
    public async Task<OutboundCallRequest> NextPlacedAsync(TimeSpan patience) =>
        await _placed.Reader.ReadAsync().AsTask().WaitAsync(patience).ConfigureAwait(false);

    /// <summary>Lets the oldest ringing phone ring out (unanswered).</summary>
    public async Task RingOutNext(TimeSpan patience)
    {
        var ring = await _ringing.Reader.ReadAsync().AsTask().WaitAsync(patience).ConfigureAwait(false);
        ring.SetResult();
    }

    /// <summary>True when a phone rang that the test has not taken with <see cref="NextPlacedAsync"/>.</summary>
    public bool HasUnseenPlacement => _placed.Reader.TryPeek(out _);

    private static OutboundCallResult NoAnswer() =>
        OutboundCallResult.Ended($"agent-{Guid.NewGuid():N}", OutboundCallOutcome.NoAnswer, 487, "Request Terminated");
}
