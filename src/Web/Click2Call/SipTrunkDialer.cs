using System.Net;
using System.Net.Sockets;
using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Telephony.Calls;
using CallMyWay.Voice.Telephony.Media.Prompts;
using CallMyWay.Voice.Telephony.Sip.UserAgent;
using CallMyWay.Voice.Telephony.Sip.UserAgent.Outbound;
using Microsoft.Extensions.Options;

namespace CallMyWay.Voice.Web.Click2Call;

/// <summary>
/// Calls the visitor through the carrier trunk (<c>Trunk:*</c>, digest auth) from the DID of their country with
/// <see cref="Click2CallOptions.DisplayName"/>; on answer runs the same application as an inbound call (IVR, then the
/// queue) with channel <c>click2call</c>, and shows the call on the live board from its first ring to its end.
/// </summary>
public sealed partial class SipTrunkDialer(
    SipCaller caller,
    TrunkOptions trunk,
    ICallApplication application,
    PromptLibrary prompts,
    CallRegistry registry,
    IOptions<SipUserAgentOptions> agentOptions,
    Click2CallOptions options,
    TimeProvider time,
    ILogger<SipTrunkDialer> logger) : IClick2CallDialer
{
    public const string Channel = "click2call";

    public async Task<Click2CallDialResult> DialAsync(Click2CallDial dial, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dial);
        if (string.IsNullOrWhiteSpace(trunk.Host))
        {
            return new Click2CallDialResult(OutboundCallOutcome.Failed, 0, "Trunk:Host is not configured", null);
        }

        var address = await ResolveAsync(trunk.Host, cancellationToken).ConfigureAwait(false);
        if (address is null)
        {
            return new Click2CallDialResult(OutboundCallOutcome.Failed, 0, $"Trunk:Host {trunk.Host} does not resolve", null);
        }

        var startedAt = time.GetUtcNow();
        string? ringingCallId = null;
        var request = OutboundCallRequest.ThroughTrunk(trunk, address, dial.Number, dial.Did.E164) with
        {
            FromDisplayName = options.DisplayName,
            RingTimeout = options.RingTimeout,
            Ringing = progress =>
            {
                if (Interlocked.CompareExchange(ref ringingCallId, progress.CallId, null) is null)
                {
                    registry.Publish(Snapshot(progress.CallId, CallState.Ringing, dial, startedAt));
                }
            },
        };

        var result = await caller.PlaceAsync(request, cancellationToken).ConfigureAwait(false);
        if (!result.IsAnswered)
        {
            if (Volatile.Read(ref ringingCallId) is { } id)
            {
                registry.Publish(Snapshot(id, CallState.Ended, dial, startedAt));
            }

            return new Click2CallDialResult(result.Outcome, result.StatusCode, result.ReasonPhrase, result.CallId);
        }

        var call = result.Call;
        Answered(logger, dial.CallbackId, call.CallId, dial.Number);
        registry.Publish(Snapshot(call.CallId, CallState.Ivr, dial, startedAt));
        return Click2CallDialResult.Answered(call.CallId, RunApplicationAsync(call, dial, startedAt));
    }

    private async Task RunApplicationAsync(OutboundCall call, Click2CallDial dial, DateTimeOffset startedAt)
    {
        ValueTask Hangup() => new(call.HangupAsync());
        using var ivr = new IvrCallChannel(call.CallId, dial.Number, dial.Did, call.Media, prompts, time, Hangup, agentOptions.Value.RecordingFolder);
        var active = new ActiveCall(call.CallId, dial.Did, dial.Number, CaseChannel.Click2call, call.Media, ivr, Hangup, call.Lifetime);
        try
        {
            await application.RunAsync(active, call.Lifetime).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (call.Lifetime.IsCancellationRequested)
        {
            // The visitor hung up during the application.
        }
        finally
        {
            await call.HangupAsync().ConfigureAwait(false);
            registry.Publish(Snapshot(call.CallId, CallState.Ended, dial, startedAt));
        }
    }

    private CallSnapshot Snapshot(string callId, CallState state, Click2CallDial dial, DateTimeOffset startedAt) =>
        new(callId, state, dial.Did.E164, dial.Did.Country, dial.Number, null, null, time.GetUtcNow(), startedAt, Channel);

    private static async Task<IPAddress?> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host, out var literal))
        {
            return literal;
        }

        try
        {
            var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
            return addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses.FirstOrDefault();
        }
        catch (SocketException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Callback {CallbackId}: call {CallId} to {Number} answered; IVR with channel click2call")]
    private static partial void Answered(ILogger logger, string callbackId, string callId, string number);
}
