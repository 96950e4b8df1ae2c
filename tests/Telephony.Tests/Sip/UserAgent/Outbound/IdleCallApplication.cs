using CallMyWay.Voice.Telephony.Calls;

namespace CallMyWay.Voice.Telephony.Tests.Sip.UserAgent.Outbound;

/// <summary>The application for inbound calls, which these tests never receive: it hangs up at once.</summary>
internal sealed class IdleCallApplication : ICallApplication
{
    public Task RunAsync(ActiveCall call, CancellationToken cancellationToken) => Task.CompletedTask;
}
