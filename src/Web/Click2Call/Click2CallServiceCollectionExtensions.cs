using CallMyWay.Voice.Domain.Calendar;
using CallMyWay.Voice.Domain.Cases;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CallMyWay.Voice.Web.Click2Call;

/// <summary>Registers website callbacks: validation, limits, the trunk dialer, the runner, Quartz triggers and their rebuild.</summary>
/// <remarks>Needs AddDesk (numbers, rules, clock), AddDeskData, AddTelephony (SIP caller, trunk, application) and AddSlaEngine (Quartz).</remarks>
public static class Click2CallServiceCollectionExtensions
{
    public static IServiceCollection AddClick2Call(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(Click2CallOptions.Section).Get<Click2CallOptions>() ?? new Click2CallOptions();
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", problems));
        }

        services.AddSingleton(options);
        services.TryAddSingleton(sp => sp.GetRequiredService<DeskRules>().Calendar);
        services.AddSingleton<DestinationPolicy>();
        services.AddSingleton<Click2CallLimits>();
        services.AddSingleton<Click2CallRetryPolicy>();
        services.AddSingleton<IClick2CallDialer, SipTrunkDialer>();
        services.AddSingleton<IClick2CallScheduler, QuartzClick2CallScheduler>();
        services.AddSingleton<Click2CallRunner>();
        services.AddScoped<Click2CallService>();
        services.AddHostedService<Click2CallScheduleRebuilder>();
        return services;
    }
}
