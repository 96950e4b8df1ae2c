using System.Net;
using CallMyWay.Voice.Domain.Numbers;
using CallMyWay.Voice.Telephony.Calls;
using CallMyWay.Voice.Telephony.Media.Engine;
using CallMyWay.Voice.Telephony.Media.Prompts;
using CallMyWay.Voice.Telephony.Sip.Transactions;
using CallMyWay.Voice.Telephony.Sip.Transport;
using CallMyWay.Voice.Telephony.Sip.UserAgent;
using CallMyWay.Voice.Telephony.Sip.UserAgent.Outbound;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CallMyWay.Voice.Telephony.Tests.Sip.UserAgent.Outbound;

/// <summary>The desk's real SIP stack on 127.0.0.1 with an ephemeral port: transport, transaction layer, UA core, media, caller.</summary>
internal sealed class CallerStack : IAsyncDisposable
{
    public const string Did = "+50622223333";

    private CallerStack(SipTransportLayer transport, TransactionLayer layer, MediaEngine media, SipUserAgent agent)
    {
        Transport = transport;
        Layer = layer;
        Media = media;
        Agent = agent;
        Caller = new SipCaller(layer, transport, media, agent, TimeProvider.System, NullLogger<SipCaller>.Instance);
    }

    public SipTransportLayer Transport { get; }
    public TransactionLayer Layer { get; }
    public MediaEngine Media { get; }
    public SipUserAgent Agent { get; }
    public SipCaller Caller { get; }

    public static async Task<CallerStack> StartAsync()
    {
        var time = TimeProvider.System;
        var transport = new SipTransportLayer(Options.Create(new SipTransportOptions { ListenAddress = "127.0.0.1", Port = 0 }), NullLogger<SipTransportLayer>.Instance, time);
        var layer = new TransactionLayer(transport, time, NullLogger<TransactionLayer>.Instance);
        var media = new MediaEngine(new MediaOptions { BindAddress = "127.0.0.1", RtpPortMin = 42000, RtpPortMax = 43999 }, time);
        var agent = CreateAgent(layer, transport, media, time);
        await layer.StartAsync(agent, CancellationToken.None);
        return new CallerStack(transport, layer, media, agent);
    }

    /// <summary>The UA core as the host builds it, with one DID, the loopback as the trunk's network, and no sinks.</summary>
    public static SipUserAgent CreateAgent(TransactionLayer layer, SipTransportLayer transport, MediaEngine media, TimeProvider time) =>
        new(
            layer,
            transport,
            media,
            new PromptLibrary(Path.Combine(Path.GetTempPath(), "uac-prompts")),
            new NumberPlan([new DeskNumber(Did, "CR", "es", TollFree: false, WhatsApp: false, "2222-3333")]),
            new SourcePolicy(["127.0.0.0/8"]),
            new IdleCallApplication(),
            new CallRegistry([]),
            Options.Create(new SipUserAgentOptions()),
            time,
            NullLogger<SipUserAgent>.Instance);

    public async ValueTask DisposeAsync()
    {
        await Layer.DisposeAsync();
        await Transport.DisposeAsync();
        Media.Dispose();
    }
}
