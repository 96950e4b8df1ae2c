using System.Net;
using Microsoft.Extensions.Options;
using SmtpServer;
using SmtpServer.Net;

namespace CallMyWay.Voice.Web.Email.Inbound;

/// <summary>
/// The support mailbox's SMTP listener (the SmtpServer package) on <c>Email:Inbound:Address</c> and
/// <c>Email:Inbound:Port</c>. It advertises SIZE (RFC 1870) with <c>Email:MaxMessageBytes</c>, so a larger message is
/// refused with 552 before it is sent. Start fails, naming the key, when the port cannot be opened.
/// </summary>
public sealed partial class SmtpIntakeListener(
    IOptions<EmailOptions> options,
    SupportMailboxFilter filter,
    EmailIntake intake,
    ILoggerFactory loggers) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private int _disposed;
    private readonly ILogger _logger = loggers.CreateLogger<SmtpIntakeListener>();
    private SmtpServer.SmtpServer? _server;
    private Task? _running;

    /// <summary>Where the listener is bound, once started (with the actual port when configured as 0).</summary>
    public IPEndPoint? LocalEndPoint { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var email = options.Value;
        if (!email.Inbound.Enabled)
        {
            return;
        }

        var endPoint = new IPEndPoint(IPAddress.Parse(email.Inbound.Address), email.Inbound.Port);
        var serverOptions = new SmtpServerOptionsBuilder()
            .ServerName(email.Inbound.ServerName)
            .Endpoint(builder => builder.Endpoint(endPoint).SessionTimeout(TimeSpan.FromMinutes(5)))
            // Strict: a client that ignores SIZE and sends more is cut off rather than buffered without bound.
            .MaxMessageSize(email.MaxMessageBytes, MaxMessageSizeHandling.Strict)
            .Build();
        var listeners = new EndpointListenerFactory();
        var started = new TaskCompletionSource<IPEndPoint>(TaskCreationOptions.RunContinuationsAsynchronously);
        listeners.EndpointStarted += (_, e) => started.TrySetResult((IPEndPoint)e.LocalEndPoint);
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(listeners);
        services.Add(filter);
        services.Add(new IntakeMessageStore(intake, loggers.CreateLogger<IntakeMessageStore>(), _stopping.Token));

        _server = new SmtpServer.SmtpServer(serverOptions, services);
        _server.SessionFaulted += (_, e) => SessionFaulted(_logger, e.Exception);
        _running = _server.StartAsync(_stopping.Token);
        var first = await Task.WhenAny(started.Task, _running).WaitAsync(cancellationToken).ConfigureAwait(false);
        if (first != started.Task)
        {
            var problem = _running.Exception?.GetBaseException();
            throw new InvalidOperationException($"Email:Inbound:Address {endPoint.Address} and Email:Inbound:Port {endPoint.Port}: the SMTP listener could not start ({problem?.Message ?? "it stopped"}).", problem);
        }

        LocalEndPoint = await started.Task.ConfigureAwait(false);
        Listening(_logger, LocalEndPoint, email.Address);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // The host may stop a listener its container already disposed (a test host torn down mid-shutdown): nothing to do.
        if (_server is null || _running is null || Volatile.Read(ref _disposed) == 1)
        {
            return;
        }

        _server.Shutdown();
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _running.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping is what was asked for.
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _server?.Shutdown();
            _stopping.Cancel();
            _stopping.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SMTP listener for {Mailbox} on {EndPoint}")]
    private static partial void Listening(ILogger logger, IPEndPoint endPoint, string mailbox);

    [LoggerMessage(Level = LogLevel.Information, Message = "An SMTP session ended with an error")]
    private static partial void SessionFaulted(ILogger logger, Exception exception);
}
