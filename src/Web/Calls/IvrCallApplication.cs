using CallMyWay.Voice.Domain.Application;
using CallMyWay.Voice.Telephony.Calls;
using CallMyWay.Voice.Telephony.Ivr;
using CallMyWay.Voice.Telephony.Ivr.Desk;
using CallMyWay.Voice.Telephony.Ivr.Events;
using CallMyWay.Voice.Telephony.Ivr.Flows;

namespace CallMyWay.Voice.Web.Calls;

/// <summary>What an answered call runs: the IVR, in a scope of its own (the case service is scoped per call).</summary>
public sealed class IvrCallApplication(IServiceScopeFactory scopes, IIvrOutbox outbox, IAgentAvailability agents, IIvrEventSink events, IvrOptions options, TimeProvider time, ILoggerFactory loggers) : ICallApplication
{
    public async Task RunAsync(ActiveCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        await using var scope = scopes.CreateAsyncScope();
        var cases = scope.ServiceProvider.GetRequiredService<CaseService>();
        var desk = new CaseServiceIvrDesk(cases, outbox, loggers.CreateLogger<CaseServiceIvrDesk>());
        var flow = new IvrCallFlow(desk, agents, cases.Rules, events, time, options, loggers.CreateLogger<IvrCallFlow>());
        await flow.RunAsync(call.Ivr, call.Channel, cancellationToken).ConfigureAwait(false);
    }
}
