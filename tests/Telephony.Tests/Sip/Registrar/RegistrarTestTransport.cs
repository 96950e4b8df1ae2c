using System.Net;
using System.Text;
using CallMyWay.Voice.Telephony.Sip.Messages;
using CallMyWay.Voice.Telephony.Sip.Transport;

namespace CallMyWay.Voice.Telephony.Tests.Sip.Registrar;

/// <summary>An in-memory transport: delivers test requests as parsed bytes and keeps what is sent back.</summary>
internal sealed class RegistrarTestTransport : ISipTransport
{
    public static readonly IPEndPoint LocalAddress = new(IPAddress.Parse("10.0.0.1"), 5060);

    private readonly List<(SipMessage Message, SipEndPoint Destination, string Text)> _sent = [];
    private readonly Lock _gate = new();
    private Func<IncomingSipMessage, ValueTask>? _receiver;

    public IReadOnlyList<SipEndPoint> LocalEndPoints { get; } =
        [new SipEndPoint(SipTransportKind.Udp, LocalAddress), new SipEndPoint(SipTransportKind.Tcp, LocalAddress)];

    public IReadOnlyList<(SipMessage Message, SipEndPoint Destination, string Text)> Sent
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
        var text = Encoding.UTF8.GetString(message.ToBytes());
        lock (_gate)
        {
            _sent.Add((message, destination, text));
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

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
