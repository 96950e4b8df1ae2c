using CallMyWay.Voice.Web.Desk;
using CallMyWay.Voice.Web.Email.Attachments;
using CallMyWay.Voice.Web.Email.Confirmation;
using CallMyWay.Voice.Web.Email.Inbound;
using CallMyWay.Voice.Web.Email.Outbound;
using Microsoft.Extensions.Options;

namespace CallMyWay.Voice.Web.Email;

/// <summary>Registers the e-mail channel: intake (SMTP listener, IMAP poller), outbox and its sender, the case watcher.</summary>
public static class EmailServiceCollectionExtensions
{
    /// <summary>
    /// Needs the desk's database (<c>DeskDbContext</c>), <c>CaseService</c>, <c>DeskRules</c> and <c>TimeProvider</c>
    /// from the other areas.
    /// </summary>
    public static IServiceCollection AddEmailChannel(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>();

        services.AddSingleton<LinkSecret>();
        services.AddSingleton<ConfirmationLinks>();
        services.AddSingleton<AttachmentStore>();
        services.AddSingleton<CustomerMail>();
        services.AddSingleton<EmailOutbox>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<SmtpRelay>();
        services.AddSingleton<EmailIntake>();
        services.AddSingleton<SupportMailboxFilter>();

        services.AddSingleton<EmailCaseWatcher>();
        services.AddSingleton<ICaseWatcher>(sp => sp.GetRequiredService<EmailCaseWatcher>());

        services.AddSingleton<SmtpIntakeListener>();
        services.AddHostedService(sp => sp.GetRequiredService<SmtpIntakeListener>());
        services.AddSingleton<OutboxSender>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        services.AddHostedService<ImapPoller>();
        return services;
    }
}
