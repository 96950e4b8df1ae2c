namespace CallMyWay.Voice.Telephony.Calls;

/// <summary>
/// What runs on an answered call (the IVR, then the queue); implemented by the host, which owns the services a call
/// needs. The call is hung up when this returns, unless the application already did.
/// </summary>
public interface ICallApplication
{
    Task RunAsync(ActiveCall call, CancellationToken cancellationToken);
}
