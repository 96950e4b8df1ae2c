using CallMyWay.Voice.Domain.Application;
using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Web.Numbers;

namespace CallMyWay.Voice.Web.Desk;

/// <summary>Registers the desk's rules (hours, SLA, numbers) and its case service.</summary>
public static class DeskServiceCollectionExtensions
{
    public static IServiceCollection AddDesk(this IServiceCollection services, IConfiguration configuration)
    {
        var hours = configuration.GetSection(BusinessHoursOptions.Section).Get<BusinessHoursOptions>() ?? new BusinessHoursOptions();
        var sla = configuration.GetSection(SlaOptions.Section).Get<SlaOptions>() ?? new SlaOptions();
        var numbers = configuration.GetSection(NumbersOptions.Section).Get<NumbersOptions>() ?? new NumbersOptions();

        services.AddSingleton(DeskRulesFactory.Create(hours, sla));
        services.AddSingleton(NumbersFile.Load(NumbersFile.Resolve(numbers.File)));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ICaseWatcher, LoggingCaseNotifier>();
        services.AddSingleton<ICaseNotifier, CompositeCaseNotifier>();
        services.AddScoped<CaseService>();
        return services;
    }
}
