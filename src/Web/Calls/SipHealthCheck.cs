using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CallMyWay.Voice.Web.Calls;

/// <summary>Healthy once the SIP listeners are up.</summary>
public sealed class SipHealthCheck(SipHostedService sip) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(sip.IsListening ? HealthCheckResult.Healthy("SIP is listening.") : HealthCheckResult.Unhealthy("SIP is not listening yet."));
}
