using CallMyWay.Voice.Telephony.Calls;
using CallMyWay.Voice.Telephony.Ivr;
using CallMyWay.Voice.Telephony.Ivr.Desk;
using CallMyWay.Voice.Telephony.Ivr.Events;
using CallMyWay.Voice.Telephony.Ivr.Prompts;
using CallMyWay.Voice.Telephony.Media.Engine;
using CallMyWay.Voice.Telephony.Sip.Registrar;
using CallMyWay.Voice.Telephony.Sip.Transactions;
using CallMyWay.Voice.Telephony.Sip.Transport;
using CallMyWay.Voice.Telephony.Sip.UserAgent;
using CallMyWay.Voice.Telephony.Sip.UserAgent.Outbound;
using CallMyWay.Voice.Web.Calls.Queue;
using CallMyWay.Voice.Web.Numbers;
using Microsoft.Extensions.Options;

namespace CallMyWay.Voice.Web.Calls;

/// <summary>Registers the phone side: SIP stack, media engine, prompts, the IVR as the calls' application, the outbox.</summary>
public static class TelephonyServiceCollectionExtensions
{
    public static IServiceCollection AddTelephony(this IServiceCollection services, IConfiguration configuration)
    {
        var sip = configuration.GetSection(SipTransportOptions.SectionName).Get<SipTransportOptions>() ?? new SipTransportOptions();
        var problems = sip.Validate();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", problems));
        }

        var trunk = configuration.GetSection(TrunkOptions.SectionName).Get<TrunkOptions>() ?? new TrunkOptions();
        var sources = new SourcePolicy(trunk.AllowedSources.Count > 0 ? trunk.AllowedSources : TrunkOptions.DefaultAllowedSources);
        var promptFolder = NumbersFile.Resolve(configuration["Prompts:Folder"] ?? "prompts");
        var catalogue = PromptCatalogue.Load(promptFolder);
        var missing = catalogue.Missing(PromptKeys.All, IvrLanguage.All);
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"Prompts:Folder {promptFolder} lacks {missing.Count} prompts, e.g. {missing[0]}; run prompts/generate.sh.");
        }

        services.AddSingleton(Options.Create(sip));
        services.Configure<SipUserAgentOptions>(configuration.GetSection(SipUserAgentOptions.SectionName));
        services.AddSingleton(trunk);
        services.AddSingleton(sources);
        services.AddSingleton(catalogue);
        services.AddMediaEngine(configuration, promptFolder);
        services.AddSingleton<SipTransportLayer>();
        services.AddSingleton(sp =>
        {
            var transport = sp.GetRequiredService<SipTransportLayer>();
            return new TransactionLayer(transport, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<TransactionLayer>>(), new TransactionLayerOptions
            {
                SentByHost = endPoint => transport.AdvertisedHostFor(endPoint.Address.Address),
            });
        });
        services.AddSingleton<ICallEventSink, HubCallEventSink>();
        services.AddSingleton<CallRegistry>();
        services.AddSingleton<IIvrEventSink, CallRegistryIvrEvents>();
        services.AddSingleton(new FileIvrOutbox(configuration["Ivr:OutboxFolder"] ?? "data/outbox"));
        services.AddSingleton<IIvrOutbox>(sp => sp.GetRequiredService<FileIvrOutbox>());
        services.AddHostedService<OutboxReplayer>();
        services.Configure<QueueOptions>(configuration.GetSection(QueueOptions.Section));
        services.AddSingleton<SipCaller>();
        services.AddSingleton<IAgentPhoneDialer, SipCallerAgentPhoneDialer>();
        services.AddSingleton<AgentQueue>();
        services.AddSingleton<IAgentAvailability>(sp => sp.GetRequiredService<AgentQueue>());
        services.AddHostedService(sp => sp.GetRequiredService<AgentQueue>());
        services.AddSingleton(IvrOptions.Default);
        services.AddSingleton<ICallApplication, IvrCallApplication>();
        var registrar = configuration.GetSection(RegistrarOptions.SectionName).Get<RegistrarOptions>() ?? new RegistrarOptions();
        var registrarProblems = registrar.Validate();
        if (registrarProblems.Count > 0)
        {
            throw new InvalidOperationException(string.Join(" ", registrarProblems));
        }

        services.AddSingleton(Options.Create(registrar));
        services.AddSingleton<ISipCredentialStore, AgentSipCredentialStore>();
        services.AddSingleton(sp => new RegistrationBindings(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<RegistrationBindings>>()));
        services.AddSingleton<SipRegistrar>();
        services.AddSingleton<InviteAuthenticator>();
        services.AddSingleton<SipUserAgent>();
        services.AddSingleton<SipHostedService>();
        services.AddHostedService(sp => sp.GetRequiredService<SipHostedService>());
        return services;
    }
}
