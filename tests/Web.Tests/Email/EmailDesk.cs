using System.Globalization;
using CallMyWay.Voice.Domain.Application;
using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Domain.Common;
using CallMyWay.Voice.Web.Data;
using CallMyWay.Voice.Web.Desk;
using CallMyWay.Voice.Web.Email;
using CallMyWay.Voice.Web.Email.Inbound;
using CallMyWay.Voice.Web.Email.Outbound;
using CallMyWay.Voice.Web.Email.Threading;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace CallMyWay.Voice.Web.Tests.Email;

/// <summary>
/// The e-mail channel in a real host on 127.0.0.1: its SMTP listener on a free port, a capturing relay as the outbound
/// server, a SQLite file of its own, the case service, and fake time for the outbox's back-off.
/// </summary>
internal sealed class EmailDesk : IAsyncDisposable
{
    public const string Support = "sosporte24@callmyway.com";

    /// <summary>10:00 at the desk (GMT-6) on a Friday.</summary>
    public static readonly DateTimeOffset Start = new(2025, 3, 14, 16, 0, 0, TimeSpan.Zero);

    private readonly WebApplication _app;

    private EmailDesk(WebApplication app, string folder, FakeTimeProvider time, CapturingRelay relay)
    {
        _app = app;
        Folder = folder;
        Time = time;
        Relay = relay;
    }

    public FakeTimeProvider Time { get; }

    public CapturingRelay Relay { get; }

    public string Folder { get; }

    public IServiceProvider Services => _app.Services;

    public int SmtpPort => Services.GetRequiredService<SmtpIntakeListener>().LocalEndPoint!.Port;

    public Uri HttpBase => new(_app.Urls.First());

    /// <param name="settings">Extra or overriding configuration, e.g. lower limits.</param>
    /// <param name="relayUp">Whether the outbound relay is listening from the start.</param>
    public static async Task<EmailDesk> StartAsync(IDictionary<string, string?>? settings = null, bool relayUp = true)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"cmw-email-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var relayPort = FreePort.Next();
        var relay = relayUp ? await CapturingRelay.StartAsync(relayPort) : CapturingRelay.NotStarted(relayPort);
        var time = new FakeTimeProvider(Start);
        var configuration = new Dictionary<string, string?>
        {
            ["Email:Address"] = Support,
            ["Email:Inbound:Address"] = "127.0.0.1",
            ["Email:Inbound:Port"] = "0",
            ["Email:Outbound:Host"] = "127.0.0.1",
            ["Email:Outbound:Port"] = relayPort.ToString(CultureInfo.InvariantCulture),
            ["Email:Outbound:Security"] = "None",
            ["Email:Outbound:Timeout"] = "00:00:10",
            ["Email:AttachmentFolder"] = Path.Combine(folder, "attachments"),
            ["Email:LinkSecretFile"] = Path.Combine(folder, "email-link.key"),
            ["Email:LinkBaseUrl"] = "https://desk.callmyway.test",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = folder });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var services = builder.Services;
        services.AddSingleton<TimeProvider>(time);
        services.AddDbContext<SqliteDeskDbContext>(options => options.UseSqlite($"Data Source={Path.Combine(folder, "desk.db")}"));
        services.AddScoped<DeskDbContext>(sp => sp.GetRequiredService<SqliteDeskDbContext>());
        services.AddScoped<ICaseRepository, EfCaseRepository>();
        services.AddSingleton(DeskRules.Default);
        services.AddSingleton<ICaseNotifier, WatchersNotifier>();
        services.AddScoped<CaseService>();
        services.AddEmailChannel(builder.Configuration);

        var app = builder.Build();
        app.MapEmailEndpoints();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DeskDbContext>().Database.EnsureCreatedAsync();
        }

        await app.StartAsync();
        return new EmailDesk(app, folder, time, relay);
    }

    /// <summary>A customer's message as a mail client would write it.</summary>
    public static MimeMessage Message(string from, string subject, string body, string? fromName = "Ana Pérez", string to = Support)
    {
        var message = new MimeMessage
        {
            Subject = subject,
            MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("cliente.example"),
            Date = Start,
            Body = new TextPart("plain") { Text = body },
        };
        message.From.Add(new MailboxAddress(fromName, from));
        message.To.Add(MailboxAddress.Parse(to));
        return message;
    }

    /// <summary>A reply to one of our mails, as a mail client threads it (RFC 5322 §3.6.4), quoting it below.</summary>
    public static MimeMessage Reply(MimeMessage ours, string from, string body)
    {
        var reply = Message(from, "RE: " + ours.Subject, body + "\n\nEl 14 mar 2025, a las 10:01, Soporte escribió:\n> " + (ours.TextBody ?? string.Empty).Replace("\n", "\n> ", StringComparison.Ordinal));
        var ourId = ours.MessageId ?? throw new InvalidOperationException("Our mail had no Message-ID.");
        reply.InReplyTo = ourId;
        foreach (var id in ours.References)
        {
            reply.References.Add(id);
        }

        reply.References.Add(ourId);
        return reply;
    }

    /// <summary>Sends with MailKit to the listener, as any mail server would.</summary>
    public async Task SendAsync(MimeMessage message)
    {
        using var client = new SmtpClient { Timeout = (int)Eventually.Bound.TotalMilliseconds };
        await client.ConnectAsync("127.0.0.1", SmtpPort, SecureSocketOptions.None);
        await client.SendAsync(message);
        await client.DisconnectAsync(quit: true);
    }

    public async Task<SupportCase> CaseAsync(long number)
    {
        await using var scope = Services.CreateAsyncScope();
        var cases = scope.ServiceProvider.GetRequiredService<CaseService>();
        return await cases.FindAsync(number, CancellationToken.None) ?? throw new InvalidOperationException($"No case {number}.");
    }

    public async Task<IReadOnlyList<SupportCase>> CasesAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CaseService>().ListAsync(new CaseQuery(), CancellationToken.None);
    }

    /// <summary>The only case there is.</summary>
    public async Task<SupportCase> OnlyCaseAsync() => Assert.Single(await CasesAsync());

    public async Task<IReadOnlyList<T>> RowsAsync<T>()
        where T : class
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DeskDbContext>().Set<T>().AsNoTracking().ToListAsync();
    }

    public Task<IReadOnlyList<OutboxEmail>> OutboxAsync() => RowsAsync<OutboxEmail>();

    public Task<IReadOnlyList<EmailMessageRecord>> MessagesAsync() => RowsAsync<EmailMessageRecord>();

    /// <summary>An agent works on the case through the case service, as the API would.</summary>
    public async Task<SupportCase> AgentAsync(long number, Func<SupportCase, CaseChange, DomainError?> command)
    {
        await using var scope = Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<CaseService>().ChangeAsync(number, "luis@callmyway.com", command, CancellationToken.None);
        Assert.Null(result.Error);
        return result.Case!;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Relay.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>The host's CompositeCaseNotifier in miniature: every watcher hears of every saved change.</summary>
    private sealed class WatchersNotifier(IEnumerable<ICaseWatcher> watchers) : ICaseNotifier
    {
        public async Task CaseChangedAsync(SupportCase supportCase, CancellationToken cancellationToken)
        {
            foreach (var watcher in watchers)
            {
                await watcher.CaseChangedAsync(supportCase, cancellationToken);
            }
        }
    }
}
