namespace CallMyWay.Voice.Telephony.Ivr.Events;

/// <summary>Where the IVR reports its calls' events, in order; the web host publishes them to agents over SignalR.</summary>
public interface IIvrEventSink
{
    /// <summary>Takes one event. Must not block the call: queue it and publish elsewhere.</summary>
    void Publish(IvrEvent ivrEvent);
}
