using CallMyWay.Voice.Web.Api;
using CallMyWay.Voice.Web.Desk;

namespace CallMyWay.Voice.Web.Hubs;

/// <summary>Registers the agents' SignalR hub and what feeds it.</summary>
public static class HubServiceCollectionExtensions
{
    public const string AgentsPath = "/hubs/agents";

    public static IServiceCollection AddAgentHub(this IServiceCollection services)
    {
        services.AddSignalR().AddJsonProtocol(options => ApiServiceCollectionExtensions.Configure(options.PayloadSerializerOptions));
        services.AddSingleton<AgentPresence>();
        services.AddSingleton<ICaseWatcher, HubCaseNotifier>();
        return services;
    }
}
