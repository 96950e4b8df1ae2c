using System.Net;
using System.Threading.Channels;
using CallMyWay.Voice.Telephony.Sip.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CallMyWay.Voice.Telephony.Tests.Sip.Transport;

/// <summary>A started <see cref="SipTransportLayer"/> on 127.0.0.1 and an ephemeral port, whose receiver queues what arrives.</summary>
internal sealed class TransportHarness : IAsyncDisposable
{
    /// <summary>Bounds every wait on the network, so a broken transport fails a test instead of hanging it.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly Channel<IncomingSipMessage> _received = Channel.CreateUnbounded<IncomingSipMessage>();

    private TransportHarness(SipTransportOptions options)
    {
        Options = options;
        Transport = new SipTransportLayer(Microsoft.Extensions.Options.Options.Create(options), Logger, Time);
    }

    public SipTransportOptions Options { get; }

    public FakeTimeProvider Time { get; } = new();

    public RecordingLogger<SipTransportLayer> Logger { get; } = new();

    public SipTransportLayer Transport { get; }

    public SipTransportCounters Counters => Transport.Counters;

    public IPEndPoint UdpEndPoint => Transport.LocalEndPoints[0].Address;

    public IPEndPoint TcpEndPoint => Transport.LocalEndPoints[1].Address;

    /// <summary>Replaces the queueing receiver, for example with one that throws.</summary>
    public Func<IncomingSipMessage, ValueTask>? Intercept { get; set; }

    public static async Task<TransportHarness> StartAsync(Action<SipTransportOptions>? configure = null)
    {
        var options = new SipTransportOptions { ListenAddress = "127.0.0.1", Port = 0 };
        configure?.Invoke(options);
        var harness = new TransportHarness(options);
        await harness.Transport.StartAsync(harness.ReceiveMessageAsync, CancellationToken.None);
        return harness;
    }

    public async Task<IncomingSipMessage> ReceiveAsync() =>
        await _received.Reader.ReadAsync().AsTask().WaitAsync(Timeout);

    /// <summary>Whether anything arrived that was not taken yet; call after a later message was received, so that
    /// everything sent before it has been processed.</summary>
    public bool HasPending => _received.Reader.TryPeek(out _);

    public IEnumerable<LogEntry> LogsAbove(LogLevel level) => Logger.Entries.Where(entry => entry.Level > level);

    public async ValueTask DisposeAsync() => await Transport.DisposeAsync().AsTask().WaitAsync(Timeout);

    private ValueTask ReceiveMessageAsync(IncomingSipMessage incoming)
    {
        if (Intercept is { } intercept)
        {
            return intercept(incoming);
        }

        _received.Writer.TryWrite(incoming);
        return ValueTask.CompletedTask;
    }
}
