using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace CallMyWay.Voice.Web.Tests.Email;

/// <summary>An SMTP server on 127.0.0.1 standing in for the desk's relay: it keeps every message it is given.</summary>
internal sealed class CapturingRelay : IAsyncDisposable
{
    private readonly Channel<MimeMessage> _arrivals = Channel.CreateUnbounded<MimeMessage>();
    private readonly ConcurrentQueue<MimeMessage> _all = new();
    private readonly CancellationTokenSource _stop = new();
    private SmtpServer.SmtpServer? _server;
    private Task? _running;

    private CapturingRelay(int port, string? refusedRecipient)
    {
        Port = port;
        RefusedRecipient = refusedRecipient;
    }

    public int Port { get; }

    /// <summary>A recipient this relay refuses with 550, for the undeliverable case.</summary>
    public string? RefusedRecipient { get; }

    public IReadOnlyCollection<MimeMessage> All => _all;

    public static async Task<CapturingRelay> StartAsync(int port = 0, string? refusedRecipient = null)
    {
        var relay = new CapturingRelay(port, refusedRecipient);
        await relay.ListenAsync();
        return relay;
    }

    public static CapturingRelay NotStarted(int port) => new(port, null);

    public async Task ListenAsync()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("relay.test")
            .Endpoint(builder => builder.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var listeners = new EndpointListenerFactory();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        listeners.EndpointStarted += (_, _) => started.TrySetResult();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(listeners);
        services.Add(new Store(this));
        services.Add(new Filter(this));
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
        await Task.WhenAny(started.Task, _running).WaitAsync(Eventually.Bound);
        Assert.True(started.Task.IsCompleted, "The capturing relay did not start.");
    }

    public async Task<MimeMessage> NextAsync()
    {
        using var timeout = new CancellationTokenSource(Eventually.Bound);
        try
        {
            return await _arrivals.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No mail reached the relay within {Eventually.Bound.TotalSeconds} s.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        _server?.Shutdown();
        await _stop.CancelAsync();
        if (_running is not null)
        {
            try
            {
                await _running.WaitAsync(Eventually.Bound);
            }
            catch (OperationCanceledException)
            {
            }
        }

        _stop.Dispose();
    }

    private sealed class Store(CapturingRelay relay) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = MimeMessage.Load(stream);
            relay._all.Enqueue(message);
            relay._arrivals.Writer.TryWrite(message);
            return Task.FromResult(SmtpResponse.Ok);
        }
    }

    private sealed class Filter(CapturingRelay relay) : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) => Task.FromResult(true);

        public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
            Task.FromResult(!string.Equals(to.AsAddress(), relay.RefusedRecipient, StringComparison.OrdinalIgnoreCase));
    }
}
