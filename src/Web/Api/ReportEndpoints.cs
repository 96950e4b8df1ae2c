using CallMyWay.Voice.Domain.Sla;
using CallMyWay.Voice.Web.Auth;
using CallMyWay.Voice.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CallMyWay.Voice.Web.Api;

/// <summary>Reports for supervisors: SLA compliance over a period.</summary>
public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/reports/sla", async (DateTimeOffset? from, DateTimeOffset? to, DeskDbContext db, TimeProvider time, CancellationToken ct) =>
        {
            var now = time.GetUtcNow();
            var end = to ?? now;
            var start = from ?? end.AddDays(-30);
            if (start >= end || end - start > TimeSpan.FromDays(366))
            {
                return Problems.Validation(("from", "The period must start before it ends and span at most 366 days."));
            }

            // SQLite cannot compare DateTimeOffset values in SQL; the report filters the period in memory.
            var cases = await db.Cases.AsNoTracking().ToListAsync(ct);
            return Results.Ok(SlaComplianceReport.Build(cases, start, end, now));
        })
        .RequireAuthorization(AgentPolicies.Agent)
        .WithTags("Reports")
        .WithSummary("SLA compliance by severity, country, channel and level over a period (default: the last 30 days).");
        return app;
    }
}
