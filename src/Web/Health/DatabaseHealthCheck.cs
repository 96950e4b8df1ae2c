using CallMyWay.Voice.Web.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CallMyWay.Voice.Web.Health;

/// <summary>Healthy while the desk's database answers.</summary>
public sealed class DatabaseHealthCheck(DeskDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await db.Database.CanConnectAsync(cancellationToken).ConfigureAwait(false)
                ? HealthCheckResult.Healthy("The database answers.")
                : HealthCheckResult.Unhealthy("The database cannot be reached.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database cannot be reached.", ex);
        }
    }
}
