using System.Collections.Concurrent;
using CallMyWay.Voice.Telephony.Sip.UserAgent.Outbound;
using CallMyWay.Voice.Web.Click2Call;

namespace CallMyWay.Voice.Web.Tests.Click2Call;

/// <summary>Answers each dial with the next scripted outcome (answered when the script is empty).</summary>
internal sealed class FakeDialer : IClick2CallDialer
{
    private readonly ConcurrentQueue<Click2CallDialResult> _script = new();

    public ConcurrentQueue<Click2CallDial> Dials { get; } = new();

    /// <summary>The conversation of answered calls; completed unless a test holds calls up.</summary>
    public Task Conversation { get; set; } = Task.CompletedTask;

    public void Then(OutboundCallOutcome outcome, int statusCode = 0) => _script.Enqueue(new Click2CallDialResult(outcome, statusCode, outcome.ToString(), "call-" + _script.Count));

    public Task<Click2CallDialResult> DialAsync(Click2CallDial dial, CancellationToken cancellationToken)
    {
        Dials.Enqueue(dial);
        return Task.FromResult(_script.TryDequeue(out var next) ? next : Click2CallDialResult.Answered("answered-" + dial.Attempt, Conversation));
    }
}
