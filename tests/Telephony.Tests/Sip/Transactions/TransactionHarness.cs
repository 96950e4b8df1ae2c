using System.Net;
using CallMyWay.Voice.Telephony.Sip.Messages;
using CallMyWay.Voice.Telephony.Sip.Transactions;
using CallMyWay.Voice.Telephony.Sip.Transport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CallMyWay.Voice.Telephony.Tests.Sip.Transactions;

/// <summary>A started <see cref="TransactionLayer"/> over a <see cref="FakeSipTransport"/>, a recording TU and a fake clock.</summary>
internal sealed class TransactionHarness : IAsyncDisposable
{
    public static readonly SipEndPoint UdpPeer = new(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("192.0.2.10"), 5060));
    public static readonly SipEndPoint TcpPeer = new(SipTransportKind.Tcp, new IPEndPoint(IPAddress.Parse("192.0.2.10"), 40123), ConnectionId: 7);

    private TransactionHarness(TransactionLayerOptions? options)
    {
        Transport = new FakeSipTransport(Time);
        Layer = new TransactionLayer(Transport, Time, NullLogger<TransactionLayer>.Instance, options);
    }

    public FakeTimeProvider Time { get; } = new();

    public FakeSipTransport Transport { get; }

    public RecordingTransactionUser User { get; } = new();

    public TransactionLayer Layer { get; }

    public TransactionCounters Counters => Layer.Counters;

    public static async Task<TransactionHarness> StartAsync(TransactionLayerOptions? options = null)
    {
        var harness = new TransactionHarness(options);
        await harness.Layer.StartAsync(harness.User, CancellationToken.None);
        return harness;
    }

    public Task DeliverAsync(string text, SipEndPoint? source = null) => Transport.DeliverAsync(text, source ?? UdpPeer);

    /// <summary>Lets <paramref name="seconds"/> of fake time pass, running every timer at its own instant.</summary>
    public void RunSeconds(double seconds) => Time.RunSeconds(seconds);

    public IReadOnlyList<SentMessage> Responses(int statusCode) => [.. Transport.Sent.Where(sent => sent.IsResponse(statusCode))];

    public IReadOnlyList<SentMessage> Requests(SipMethod method) => [.. Transport.Sent.Where(sent => sent.IsRequest(method))];

    /// <summary>The instants (since the test began) at which messages matching <paramref name="which"/> were sent.</summary>
    public IReadOnlyList<double> SendTimes(Func<SentMessage, bool> which) =>
        [.. Transport.Sent.Where(which).Select(sent => sent.At.TotalSeconds)];

    public ValueTask DisposeAsync() => Layer.DisposeAsync();
}
