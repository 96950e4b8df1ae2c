using System.Net;
using System.Net.Sockets;
using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Domain.Numbers;
using CallMyWay.Voice.Telephony.Calls;
using CallMyWay.Voice.Telephony.Media.Engine;
using CallMyWay.Voice.Telephony.Sdp;
using CallMyWay.Voice.Telephony.Sip.Messages;
using CallMyWay.Voice.Telephony.Sip.Registrar;
using CallMyWay.Voice.Telephony.Sip.Transport;
using CallMyWay.Voice.Web.Calls.Queue;
using CallMyWay.Voice.Web.Hubs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CallMyWay.Voice.Web.Tests.Calls.Queue;

/// <summary>
/// A started <see cref="AgentQueue"/> on real time (its loop wakes every second), with agents whose idle order the test
/// sets on a fake clock of the presence's own, phones registered straight into the bindings, and callers whose media is
/// a real RTP session on 127.0.0.1 sending to a local socket.
/// </summary>
internal sealed class QueueHarness : IAsyncDisposable
{
    private static readonly DeskNumber Did = new("+33100000000", "FR", "fr", TollFree: false, WhatsApp: false, "+33 1 00 00 00 00");

    private readonly FakeTimeProvider _presenceTime = new(DateTimeOffset.Parse("2025-01-06T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly MediaEngine _media = new(new MediaOptions { RtpPortMin = 27000, RtpPortMax = 27099, BindAddress = "127.0.0.1" });
    private readonly UdpClient _peer = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly List<RtpSession> _sessions = [];
    private readonly List<CancellationTokenSource> _lifetimes = [];
    private int _connections;

    public QueueHarness(FakeAgentPhoneDialer dialer, QueueOptions options)
    {
        Presence = new AgentPresence(_presenceTime);
        Bindings = new RegistrationBindings(TimeProvider.System);
        Queue = new AgentQueue(Presence, Bindings, dialer, _media, new CallRegistry([]), Options.Create(options), TimeProvider.System, NullLogger<AgentQueue>.Instance);
    }

    public AgentPresence Presence { get; }

    public RegistrationBindings Bindings { get; }

    public AgentQueue Queue { get; }

    public Task StartAsync() => Queue.StartAsync(CancellationToken.None);

    /// <summary>An agent with the console open and the given extension, available a minute after the previous one.</summary>
    public void AgentAvailable(string email, string extension)
    {
        Presence.Connected(email, $"connection-{++_connections}", extension);
        _presenceTime.Advance(TimeSpan.FromMinutes(1));
        Presence.SetStatus(email, AgentStatus.Available);
    }

    /// <summary>Binds the extension to a phone at 127.0.0.1:<paramref name="port"/>, as a REGISTER from it would.</summary>
    public ContactBinding RegisterPhone(string extension, int port)
    {
        var binding = PhoneAt(extension, port, DateTimeOffset.UtcNow);
        Bindings.StoreForTest(extension, [binding]);
        return binding;
    }

    /// <summary>What the registrar keeps for a phone at 127.0.0.1:<paramref name="port"/> registered at <paramref name="now"/>.</summary>
    public static ContactBinding PhoneAt(string extension, int port, DateTimeOffset now) => new()
    {
        Extension = extension,
        Contact = NameAddress.Parse($"<sip:{extension}@127.0.0.1:{port}>"),
        Uri = SipUri.Parse($"sip:{extension}@127.0.0.1:{port}"),
        ExpiresAt = now.AddHours(1),
        CallId = $"register-{extension}",
        CSeq = 1,
        ReceivedFrom = new SipEndPoint(SipTransportKind.Udp, new IPEndPoint(IPAddress.Loopback, port)),
        LocalEndPoint = new SipEndPoint(SipTransportKind.Udp, new IPEndPoint(IPAddress.Loopback, 5060)),
        RegisteredAt = now,
        UpdatedAt = now,
    };

    /// <summary>A caller's negotiated G.711 media towards 127.0.0.1:<paramref name="port"/>.</summary>
    public static NegotiatedMedia LoopbackMedia(int port) => new()
    {
        Codec = RtpPayloadFormat.Pcmu,
        ReceivePayloadType = RtpPayloadFormat.Pcmu.PayloadType,
        TelephoneEventPayloadType = 101,
        ReceiveTelephoneEventPayloadType = 101,
        RemoteAddress = "127.0.0.1",
        RemoteRtpPort = port,
        RemoteRtcpAddress = "127.0.0.1",
        RemoteRtcpPort = port + 1,
        LocalDirection = MediaDirection.SendRecv,
        RemoteDirection = MediaDirection.SendRecv,
        PacketTimeMs = 20,
    };

    /// <summary>An answered caller whose <see cref="ActiveCall.Lifetime"/> ends when the harness is disposed.</summary>
    public ActiveCall Caller(string callId, string number)
    {
        Assert.True(_media.TryAllocatePorts(out var ports));
        var peer = (IPEndPoint)_peer.Client.LocalEndPoint!;
        var session = _media.CreateSession(ports, LoopbackMedia(peer.Port));
        _sessions.Add(session);
        var lifetime = new CancellationTokenSource();
        _lifetimes.Add(lifetime);
        return new ActiveCall(callId, Did, number, CaseChannel.Phone, session, new FakeIvrChannel(callId, number, Did), () => ValueTask.CompletedTask, lifetime.Token);
    }

    /// <summary>Every caller hangs up.</summary>
    public async Task HangUpCallersAsync()
    {
        foreach (var lifetime in _lifetimes)
        {
            await lifetime.CancelAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await HangUpCallersAsync();
        await Queue.StopAsync(CancellationToken.None);
        Queue.Dispose();
        foreach (var session in _sessions)
        {
            session.Dispose();
        }

        foreach (var lifetime in _lifetimes)
        {
            lifetime.Dispose();
        }

        _media.Dispose();
        _peer.Dispose();
        Bindings.Dispose();
    }
}
