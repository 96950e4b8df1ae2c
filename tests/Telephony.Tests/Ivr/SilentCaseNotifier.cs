using CallMyWay.Voice.Domain.Application;
using CallMyWay.Voice.Domain.Cases;

namespace CallMyWay.Voice.Telephony.Tests.Ivr;

/// <summary>Nobody watches the cases in these tests.</summary>
internal sealed class SilentCaseNotifier : ICaseNotifier
{
    public Task CaseChangedAsync(SupportCase supportCase, CancellationToken cancellationToken) => Task.CompletedTask;
}
