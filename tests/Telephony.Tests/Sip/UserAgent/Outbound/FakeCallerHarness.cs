using System.Globalization;
using System.Net;
using System.Text;
using CallMyWay.Voice.Telephony.Media.Engine;
using CallMyWay.Voice.Telephony.Sip.Messages;
using CallMyWay.Voice.Telephony.Sip.Transactions;
using CallMyWay.Voice.Telephony.Sip.Transport;
using CallMyWay.Voice.Telephony.Sip.UserAgent;
using CallMyWay.Voice.Telephony.Sip.UserAgent.Outbound;
using CallMyWay.Voice.Telephony.Tests.Media.Engine;
using CallMyWay.Voice.Telephony.Tests.Sip.Transactions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CallMyWay.Voice.Telephony.Tests.Sip.UserAgent.Outbound;

/// <summary>
/// A <see cref="SipCaller"/> over an in-memory transport (we are 10.0.0.1:5060, the trunk 192.0.2.10:5060) and a fake
/// clock, with the real transaction layer and UA core: the test plays the callee message by message.
/// </summary>
internal sealed class FakeCallerHarness : IAsyncDisposable
{
    public const string CalleeTag = "callee-tag";

    public static readonly SipEndPoint Trunk = new(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("192.0.2.10"), 5060));

    public const string AnswerSdp =
        "v=0\r\no=trunk 1 1 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\n"
        + "m=audio 30000 RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\na=sendrecv\r\n";

    private FakeCallerHarness()
    {
        Transport = new FakeSipTransport(Time);
        Layer = new TransactionLayer(Transport, Time, NullLogger<TransactionLayer>.Instance);
        SipTransport = new SipTransportLayer(Options.Create(new SipTransportOptions { ListenAddress = "10.0.0.1", Port = 5060 }), NullLogger<SipTransportLayer>.Instance, Time);
        Media = new MediaEngine(new MediaOptions { BindAddress = "127.0.0.1", RtpPortMin = 44000, RtpPortMax = 44999 }, new MediaClock(Time), ownsClock: false);
        Agent = CallerStack.CreateAgent(Layer, SipTransport, Media, Time);
        Caller = new SipCaller(Layer, SipTransport, Media, Agent, Time, NullLogger<SipCaller>.Instance);
    }

    public FakeTimeProvider Time { get; } = new();
    public FakeSipTransport Transport { get; }
    public TransactionLayer Layer { get; }
    public SipTransportLayer SipTransport { get; }
    public MediaEngine Media { get; }
    public SipUserAgent Agent { get; }
    public SipCaller Caller { get; }

    public static async Task<FakeCallerHarness> StartAsync()
    {
        var harness = new FakeCallerHarness();
        await harness.Layer.StartAsync(harness.Agent, CancellationToken.None);
        return harness;
    }

    public static OutboundCallRequest Request() =>
        new(SipUri.Parse("sip:+50688887777@trunk.example.net:5060"), Trunk, CallerStack.Did) { FromDisplayName = "CallMyWay Soporte" };

    public Task DeliverAsync(string text) => Transport.DeliverAsync(text, Trunk);

    /// <summary>The <paramref name="count"/>-th request of that method we sent, waiting for it (the call runs on its own tasks).</summary>
    public async Task<SipRequest> SentAsync(SipMethod method, int count = 1)
    {
        await Eventually.True(() => Requests(method).Count >= count, $"{method} #{count}");
        return Requests(method)[count - 1];
    }

    public IReadOnlyList<SipRequest> Requests(SipMethod method) =>
        [.. Transport.Sent.Where(sent => sent.IsRequest(method)).Select(sent => (SipRequest)sent.Parsed())];

    public IReadOnlyList<SipResponse> Responses(int statusCode) =>
        [.. Transport.Sent.Where(sent => sent.IsResponse(statusCode)).Select(sent => (SipResponse)sent.Parsed())];

    /// <summary>The callee's response to <paramref name="request"/>, as text; a To tag on anything but 100.</summary>
    public static string Response(SipRequest request, int statusCode, string? sdp = null, string? extraHeaders = null, string toTag = CalleeTag)
    {
        var response = SipResponseFactory.CreateResponse(request, statusCode, toTag: statusCode == 100 ? null : toTag);
        if (statusCode != 100 && request.Method == SipMethod.Invite)
        {
            response.Headers.Add(SipHeaderNames.Contact, "<sip:callee@192.0.2.10:5060>");
        }

        foreach (var line in (extraHeaders ?? string.Empty).Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            response.Headers.Add(line[..colon], line[(colon + 1)..].Trim());
        }

        if (sdp is not null)
        {
            response.ContentType = "application/sdp";
            response.Body = Encoding.UTF8.GetBytes(sdp);
        }

        return response.ToString();
    }

    /// <summary>A request from the callee within the dialog of <paramref name="call"/>.</summary>
    public static string InDialogRequest(OutboundCall call, string method, uint cseq, string branch, string? contentType = null, string? body = null)
    {
        var dialog = call.Dialog;
        var builder = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{method} {dialog.LocalContact} SIP/2.0\r\n")
            .Append(CultureInfo.InvariantCulture, $"Via: SIP/2.0/UDP 192.0.2.10:5060;branch={branch};rport\r\n")
            .Append("Max-Forwards: 70\r\n")
            .Append(CultureInfo.InvariantCulture, $"From: {dialog.RemoteParty}\r\n")
            .Append(CultureInfo.InvariantCulture, $"To: {dialog.LocalParty}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Call-ID: {dialog.Id.CallId}\r\n")
            .Append(CultureInfo.InvariantCulture, $"CSeq: {cseq} {method}\r\n")
            .Append("Contact: <sip:callee@192.0.2.10:5060>\r\n");
        if (contentType is not null)
        {
            builder.Append(CultureInfo.InvariantCulture, $"Content-Type: {contentType}\r\n");
        }

        body ??= string.Empty;
        builder.Append(CultureInfo.InvariantCulture, $"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n").Append(body);
        return builder.ToString();
    }

    /// <summary>Places a call and plays the callee up to the answer: 180, then 200 with SDP; returns the call and the INVITE.</summary>
    public async Task<(OutboundCall Call, SipRequest Invite)> AnswerAsync(OutboundCallRequest? request = null, string? extraHeaders = null)
    {
        var placing = Caller.PlaceAsync(request ?? Request());
        var invite = await SentAsync(SipMethod.Invite);
        await DeliverAsync(Response(invite, 180));
        await DeliverAsync(Response(invite, 200, AnswerSdp, extraHeaders));
        var result = await Eventually.Within(placing);
        Assert.True(result.IsAnswered, result.ToString());
        return (result.Call, invite);
    }

    public async ValueTask DisposeAsync()
    {
        await Layer.DisposeAsync();
        Media.Dispose();
        Media.Clock.Dispose();
    }
}
