namespace CallMyWay.Voice.Telephony.Calls;

/// <summary>Receives every change of a call (the host publishes them to agents). Must not block.</summary>
public interface ICallEventSink
{
    void CallChanged(CallSnapshot call);
}
