using CallMyWay.Voice.Telephony.Calls;
using CallMyWay.Voice.Telephony.Ivr;
using CallMyWay.Voice.Telephony.Ivr.Events;

namespace CallMyWay.Voice.Web.Calls;

/// <summary>Turns the IVR's events into the live board's call states: the step, the case number, queued or ended.</summary>
public sealed class CallRegistryIvrEvents(CallRegistry registry) : IIvrEventSink
{
    public void Publish(IvrEvent ivrEvent)
    {
        ArgumentNullException.ThrowIfNull(ivrEvent);
        switch (ivrEvent)
        {
            case StepEntered step:
                registry.Update(step.CallId, s => s with { State = CallState.Ivr, Step = step.Step, At = step.At });
                break;
            case CaseOpened opened:
                registry.Update(opened.CallId, s => s with { CaseNumber = opened.Number, At = opened.At });
                break;
            case CaseLookedUp looked:
                registry.Update(looked.CallId, s => s with { CaseNumber = looked.Number, At = looked.At });
                break;
            case IvrEnded { Outcome: IvrOutcome.ToAgentQueue } ended:
                registry.Update(ended.CallId, s => s with { State = CallState.Queued, Step = null, At = ended.At });
                break;
            default:
                break;
        }
    }
}
