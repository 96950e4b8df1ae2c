using System.Collections.Concurrent;
using CallMyWay.Voice.Telephony.Sip.Auth;
using CallMyWay.Voice.Telephony.Sip.Messages;
using CallMyWay.Voice.Telephony.Sip.UserAgent.Outbound;
using CallMyWay.Voice.Telephony.Tests.Media.Engine;

namespace CallMyWay.Voice.Telephony.Tests.Sip.UserAgent.Outbound;

/// <summary>Calls placed through the real stack on 127.0.0.1 to sipp playing the carrier trunk or an agent's phone (shared/sip/README.md §5).</summary>
[Collection(nameof(SippCollection))]
public sealed class SipCallerSippTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task An_answered_call_receives_the_callees_audio_and_our_BYE_is_answered()
    {
        await using var stack = await CallerStack.StartAsync();
        await using var sipp = await SippCallee.StartAsync("uas_answer.xml");
        var progress = new ConcurrentQueue<OutboundCallProgress>();

        var result = await stack.Caller.PlaceAsync(Request(sipp) with { Ringing = progress.Enqueue }).WaitAsync(Limit);

        Assert.Equal(OutboundCallOutcome.Answered, result.Outcome);
        Assert.True(result.IsAnswered);
        Assert.Equal(200, result.StatusCode);
        var call = result.Call;
        Assert.Contains(progress, ringing => ringing.StatusCode == 180 && ringing.CallId == call.CallId);
        Assert.Equal("PCMU", call.Media.Media.Codec.EncodingName);
        Assert.Equal(1, stack.Agent.ActiveDialogs);
        await Eventually.True(() => call.Media.GetStatistics().PacketsReceived > 0, "RTP from sipp's prompt", Limit);

        await call.HangupAsync().WaitAsync(Limit);

        var end = await call.Ended;
        Assert.Equal(OutboundCallEndReason.LocalHangup, end.Reason);
        Assert.True(call.Lifetime.IsCancellationRequested);
        Assert.Equal(0, stack.Agent.ActiveDialogs);
        var exit = await sipp.WaitForExitAsync(Limit);
        Assert.True(exit.ExitCode == 0, exit.ToString());
        Assert.Contains("BYE answered", exit.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_trunk_demanding_digest_authentication_answers_after_our_credentials()
    {
        await using var stack = await CallerStack.StartAsync();
        await using var sipp = await SippCallee.StartAsync("uas_auth.xml", "-key", "authuser", "trunkuser", "-key", "authpass", "s3cret");

        var result = await stack.Caller.PlaceAsync(Request(sipp) with { Credentials = new DigestClient("trunkuser", "s3cret") }).WaitAsync(Limit);

        Assert.Equal(OutboundCallOutcome.Answered, result.Outcome);
        await result.Call!.HangupAsync().WaitAsync(Limit);
        var exit = await sipp.WaitForExitAsync(Limit);
        Assert.True(exit.ExitCode == 0, exit.ToString());
        Assert.Contains("auth valid=true", exit.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_fails_the_call_with_403()
    {
        await using var stack = await CallerStack.StartAsync();
        await using var sipp = await SippCallee.StartAsync("uas_auth.xml", "-key", "authuser", "trunkuser", "-key", "authpass", "s3cret");

        var result = await stack.Caller.PlaceAsync(Request(sipp) with { Credentials = new DigestClient("trunkuser", "wrong") }).WaitAsync(Limit);

        Assert.Equal(OutboundCallOutcome.Failed, result.Outcome);
        Assert.Equal(OutboundCallFailure.Authentication, result.Failure);
        Assert.Equal(403, result.StatusCode);
        Assert.Equal(0, stack.Media.ActiveSessions);
        var exit = await sipp.WaitForExitAsync(Limit);
        Assert.Contains("auth valid=false", exit.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_busy_callee_gives_Busy()
    {
        await using var stack = await CallerStack.StartAsync();
        await using var sipp = await SippCallee.StartAsync("uas_reject.xml");

        var result = await stack.Caller.PlaceAsync(Request(sipp)).WaitAsync(Limit);

        Assert.Equal(OutboundCallOutcome.Busy, result.Outcome);
        Assert.Equal(486, result.StatusCode);
        var exit = await sipp.WaitForExitAsync(Limit);
        Assert.True(exit.ExitCode == 0, exit.ToString());
        Assert.Contains("rejected, ACK received", exit.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unanswered_call_is_cancelled_after_the_ring_timeout()
    {
        await using var stack = await CallerStack.StartAsync();
        await using var sipp = await SippCallee.StartAsync("uas_ring_no_answer.xml");
        var progress = new ConcurrentQueue<OutboundCallProgress>();

        var result = await stack.Caller.PlaceAsync(Request(sipp) with { RingTimeout = TimeSpan.FromSeconds(2), Ringing = progress.Enqueue }).WaitAsync(Limit);

        Assert.Equal(OutboundCallOutcome.NoAnswer, result.Outcome);
        Assert.Equal(487, result.StatusCode);
        Assert.Contains(progress, ringing => ringing.StatusCode == 180);
        Assert.Equal(0, stack.Agent.ActiveDialogs);
        var exit = await sipp.WaitForExitAsync(Limit);
        Assert.True(exit.ExitCode == 0, exit.ToString());
        Assert.Contains("CANCEL handled, 487 ACKed", exit.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Withdrawing_a_ringing_call_cancels_it()
    {
        await using var stack = await CallerStack.StartAsync();
        await using var sipp = await SippCallee.StartAsync("uas_ring_no_answer.xml");
        using var withdraw = new CancellationTokenSource();

        var result = await stack.Caller.PlaceAsync(Request(sipp) with { Ringing = _ => withdraw.Cancel() }, withdraw.Token).WaitAsync(Limit);

        Assert.Equal(OutboundCallOutcome.Cancelled, result.Outcome);
        Assert.Equal(487, result.StatusCode);
        var exit = await sipp.WaitForExitAsync(Limit);
        Assert.True(exit.ExitCode == 0, exit.ToString());
    }

    private static OutboundCallRequest Request(SippCallee sipp) =>
        new(new SipUri("127.0.0.1", sipp.Port, "+50688887777"), sipp.EndPoint, CallerStack.Did) { FromDisplayName = "CallMyWay" };
}
