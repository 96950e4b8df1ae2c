using CallMyWay.Voice.Web.WhatsApp;
using CallMyWay.Voice.Web.Widgets;

namespace CallMyWay.Voice.Web.Chat;

/// <summary>Registers the written channels: web chat (visitor hub, limits, files) and WhatsApp (Cloud API in and out).</summary>
public static class ChatServiceCollectionExtensions
{
    public const string VisitorsPath = "/hubs/chat";

    public static IServiceCollection AddChatChannels(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ChatOptions>().Bind(configuration.GetSection(ChatOptions.Section));
        services.AddSingleton<ChatLimiter>();
        services.AddSingleton<ConversationLocks>();
        services.AddSingleton<ChatBroadcaster>();
        services.AddSingleton<ChatAttachmentStore>();
        services.AddScoped<ChatTranscriptMail>();
        services.AddScoped<ChatService>();
        services.AddWhatsAppChannel(configuration);
        services.AddTransient<IWhatsAppOutbound, CloudApiWhatsAppOutbound>();
        services.AddScoped<IWhatsAppInbox, ChatWhatsAppInbox>();
        return services;
    }

    public static IEndpointRouteBuilder MapChatChannels(this IEndpointRouteBuilder app)
    {
        app.MapChatEndpoints();
        app.MapWhatsAppWebhookEndpoints();
        app.MapHub<VisitorChatHub>(VisitorsPath).RequireCors(WidgetCors.Policy);
        return app;
    }
}
