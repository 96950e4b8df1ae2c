using CallMyWay.Voice.Telephony.Ivr.Events;

namespace CallMyWay.Voice.Telephony.Tests.Ivr;

/// <summary>The events of the call, in the order the IVR raised them.</summary>
internal sealed class RecordingEventSink : IIvrEventSink
{
    public List<IvrEvent> Events { get; } = [];

    public void Publish(IvrEvent ivrEvent) => Events.Add(ivrEvent);
}
