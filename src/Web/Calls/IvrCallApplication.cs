using CallMyWay.Voice.Domain.Application;
using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Telephony.Calls;
using CallMyWay.Voice.Telephony.Ivr;
using CallMyWay.Voice.Telephony.Ivr.Desk;
using CallMyWay.Voice.Telephony.Ivr.Events;
using CallMyWay.Voice.Telephony.Ivr.Flows;
using CallMyWay.Voice.Telephony.Ivr.Prompts;
using CallMyWay.Voice.Web.Calls.Queue;

namespace CallMyWay.Voice.Web.Calls;

/// <summary>
/// What an answered call runs: the IVR, in a scope of its own (the case service is scoped per call), then, for a
/// caller who asked for an agent, the queue; a caller the queue could not serve in time gets a callback case.
/// </summary>
/// <remarks>The queue is looked up per call: it places calls through the user agent, which runs this application.</remarks>
public sealed class IvrCallApplication(IServiceProvider services, IServiceScopeFactory scopes, IIvrOutbox outbox, IIvrEventSink events, IvrOptions options, TimeProvider time, ILoggerFactory loggers) : ICallApplication
{
    public async Task RunAsync(ActiveCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var queue = services.GetRequiredService<AgentQueue>();
        await using var scope = scopes.CreateAsyncScope();
        var cases = scope.ServiceProvider.GetRequiredService<CaseService>();
        var desk = new CaseServiceIvrDesk(cases, outbox, loggers.CreateLogger<CaseServiceIvrDesk>());
        var flow = new IvrCallFlow(desk, queue, cases.Rules, events, time, options, loggers.CreateLogger<IvrCallFlow>());
        var result = await flow.RunAsync(call.Ivr, call.Channel, cancellationToken).ConfigureAwait(false);
        if (result.Outcome != IvrOutcome.ToAgentQueue)
        {
            return;
        }

        if (await queue.ServeAsync(call, result.Language, cancellationToken).ConfigureAwait(false) != QueueOutcome.TimedOut)
        {
            return;
        }

        // Nobody could answer in time: the desk calls back, as it promises in the closed-hours menu.
        await desk.OpenCallbackAsync(
            new CallbackRequest(new IvrCaller(call.CallerNumber, call.Did, result.Language, call.Channel), time.GetUtcNow(), CallbackReason.NoAgentAvailable),
            cancellationToken).ConfigureAwait(false);
        await call.Ivr.PlayAsync([new PromptRef(PromptKeys.QueueTimeout, result.Language)], bargeIn: false, cancellationToken).ConfigureAwait(false);
    }
}
