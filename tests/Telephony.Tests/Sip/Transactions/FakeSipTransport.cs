using System.Net;
using System.Text;
using CallMyWay.Voice.Telephony.Sip.Messages;
using CallMyWay.Voice.Telephony.Sip.Transport;
using Microsoft.Extensions.Time.Testing;

namespace CallMyWay.Voice.Telephony.Tests.Sip.Transactions;

/// <summary>An in-memory transport: records what is sent, where and when, and lets a test deliver messages.</summary>
internal sealed class FakeSipTransport(FakeTimeProvider time) : ISipTransport
{
    public static readonly IPEndPoint LocalAddress = new(IPAddress.Parse("10.0.0.1"), 5060);

    private readonly DateTimeOffset _start = time.GetUtcNow();
    private readonly List<SentMessage> _sent = [];
    private readonly Lock _gate = new();
    private Func<IncomingSipMessage, ValueTask>? _receiver;

    public IReadOnlyList<SipEndPoint> LocalEndPoints { get; } =
        [new SipEndPoint(SipTransportKind.Udp, LocalAddress), new SipEndPoint(SipTransportKind.Tcp, LocalAddress)];

    /// <summary>When set and returning true for a message, its send fails with a <see cref="SipTransportException"/>.</summary>
    public Func<SipMessage, bool>? FailWhen { get; set; }

    public IReadOnlyList<SentMessage> Sent
    {
        get
        {
            lock (_gate)
            {
                return [.. _sent];
            }
        }
    }

    public ValueTask SendAsync(SipMessage message, SipEndPoint destination, CancellationToken cancellationToken)
    {
        if (FailWhen?.Invoke(message) == true)
        {
            throw new SipTransportException($"Cannot reach {destination}.");
        }

        // The text is taken at send time: that is what went on the wire, even if the object changes later.
        var text = Encoding.UTF8.GetString(message.ToBytes());
        lock (_gate)
        {
            _sent.Add(new SentMessage(message, destination, text, time.GetUtcNow() - _start));
        }

        return ValueTask.CompletedTask;
    }

    public Task StartAsync(Func<IncomingSipMessage, ValueTask> receiver, CancellationToken cancellationToken)
    {
        _receiver = receiver;
        return Task.CompletedTask;
    }

    /// <summary>Delivers a message as the real transport would: parsed from its bytes, from <paramref name="source"/>.</summary>
    public async Task DeliverAsync(string text, SipEndPoint source)
    {
        if (!SipParser.TryParse(Encoding.UTF8.GetBytes(text), out var message, out var error))
        {
            throw new InvalidOperationException($"Test message does not parse: {error.Reason}\n{text}");
        }

        var local = LocalEndPoints[source.Transport == SipTransportKind.Tcp ? 1 : 0];
        await _receiver!(new IncomingSipMessage(message, source, local));
    }

    public void Clear()
    {
        lock (_gate)
        {
            _sent.Clear();
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
