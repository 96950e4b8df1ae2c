using CallMyWay.Voice.Web.Desk;
using Quartz;

namespace CallMyWay.Voice.Web.Sla;

/// <summary>Registers the SLA engine: Quartz, the per-case alert scheduler, and the escalation rules.</summary>
public static class SlaServiceCollectionExtensions
{
    public static IServiceCollection AddSlaEngine(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(SlaOptions.Section).Get<SlaOptions>() ?? new SlaOptions();
        services.AddSingleton(EscalationRule.From(options.Escalations));
        services.AddQuartz(q =>
        {
            q.UseInMemoryStore();
        });
        services.Configure<QuartzOptions>(o =>
        {
            // Quartz keeps schedulers in a process-wide registry by name: each host gets its own.
            o.Properties["quartz.scheduler.instanceName"] = "callmyway-" + Guid.NewGuid().ToString("N");
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddSingleton<SlaScheduler>();
        services.AddSingleton<ICaseWatcher>(sp => sp.GetRequiredService<SlaScheduler>());
        services.AddHostedService<SlaScheduleRebuilder>();
        return services;
    }
}
