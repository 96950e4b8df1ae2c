using CallMyWay.Voice.Telephony.Sdp;
using CallMyWay.Voice.Telephony.Sip.Auth;
using CallMyWay.Voice.Telephony.Sip.Messages;
using CallMyWay.Voice.Telephony.Sip.UserAgent.Outbound;
using CallMyWay.Voice.Telephony.Tests.Media.Engine;
using CallMyWay.Voice.Telephony.Tests.Sip.Transactions;
using static CallMyWay.Voice.Telephony.Tests.Sip.UserAgent.Outbound.FakeCallerHarness;

namespace CallMyWay.Voice.Telephony.Tests.Sip.UserAgent.Outbound;

/// <summary>An answered call we placed: the callee's in-dialog requests (RFC 3261 §12.2.2, §14, §15) and our hangup.</summary>
public sealed class OutboundCallTests
{
    private const string HoldOffer =
        "v=0\r\no=trunk 1 2 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\n"
        + "m=audio 30000 RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\na=sendonly\r\n";

    [Fact]
    public async Task A_BYE_from_the_callee_ends_the_call_and_its_dialog()
    {
        await using var harness = await StartAsync();
        var (call, _) = await harness.AnswerAsync();

        await harness.DeliverAsync(InDialogRequest(call, "BYE", 1, "z9hG4bK-bye"));
        var end = await Eventually.Within(call.Ended);

        Assert.Equal(OutboundCallEndReason.RemoteHangup, end.Reason);
        Assert.Single(harness.Responses(200), response => response.CSeq.Method == SipMethod.Bye);
        Assert.True(call.Lifetime.IsCancellationRequested);
        Assert.True(call.Media.IsDisposed);
        Assert.Equal(0, harness.Agent.ActiveDialogs);
        Assert.Equal(0, harness.Media.Ports.InUse);
        Assert.Empty(harness.Requests(SipMethod.Bye));

        await harness.DeliverAsync(InDialogRequest(call, "INFO", 2, "z9hG4bK-late"));
        Assert.Single(harness.Responses(481));
    }

    [Fact]
    public async Task INFO_digits_reach_the_calls_media()
    {
        await using var harness = await StartAsync();
        var (call, _) = await harness.AnswerAsync();

        await harness.DeliverAsync(InDialogRequest(call, "INFO", 1, "z9hG4bK-info", "application/dtmf-relay", "Signal=5\r\nDuration=160\r\n"));

        Assert.Single(harness.Responses(200), response => response.CSeq.Method == SipMethod.Info);
        Assert.True(call.Media.Digits.TryRead(out var digit));
        Assert.Equal('5', digit.Digit);
    }

    [Fact]
    public async Task A_reinvite_putting_us_on_hold_is_answered_and_retransmitted_until_its_ACK()
    {
        await using var harness = await StartAsync();
        var (call, _) = await harness.AnswerAsync();
        var changes = new List<NegotiatedMedia>();
        call.MediaChanged += (_, media) => changes.Add(media);

        await harness.DeliverAsync(InDialogRequest(call, "INVITE", 1, "z9hG4bK-hold", "application/sdp", HoldOffer));

        var ok = Assert.Single(harness.Responses(200), response => response.CSeq.Method == SipMethod.Invite && response.CSeq.Number == 1 && response.To.Tag == call.Dialog.Id.LocalTag);
        Assert.True(SessionDescription.TryParse(ok.Body.Span, out var answer, out _));
        Assert.Equal(MediaDirection.RecvOnly, answer!.GetDirection(answer.Media[0]));
        Assert.Equal("sip:+50622223333@10.0.0.1:5060", ok.Contacts[0].UriText);
        var hold = Assert.Single(changes);
        Assert.True(hold.IsRemoteHold);
        Assert.True(call.Media.Media.IsRemoteHold);

        harness.Time.RunSeconds(0.5);
        Assert.Equal(2, ReInviteOks(harness).Count);
        await harness.DeliverAsync(InDialogRequest(call, "ACK", 1, "z9hG4bK-hold-ack"));
        harness.Time.RunSeconds(10);

        Assert.Equal(2, ReInviteOks(harness).Count);
        Assert.False(call.HasEnded);
    }

    [Fact]
    public async Task A_reinvite_never_acknowledged_ends_the_call_with_BYE_after_64_T1()
    {
        await using var harness = await StartAsync();
        var (call, _) = await harness.AnswerAsync();

        await harness.DeliverAsync(InDialogRequest(call, "INVITE", 1, "z9hG4bK-hold", "application/sdp", HoldOffer));
        harness.Time.RunSeconds(32);

        var bye = await harness.SentAsync(SipMethod.Bye);
        Assert.Equal(OutboundCallEndReason.LocalHangup, (await Eventually.Within(call.Ended)).Reason);
        Assert.Equal(CalleeTag, bye.To.Tag);
    }

    [Fact]
    public async Task A_reinvite_without_an_offer_gets_our_session_again()
    {
        await using var harness = await StartAsync();
        var (call, invite) = await harness.AnswerAsync();

        await harness.DeliverAsync(InDialogRequest(call, "INVITE", 1, "z9hG4bK-refresh"));

        var ok = Assert.Single(ReInviteOks(harness));
        Assert.Equal(invite.Body.ToArray(), ok.Body.ToArray());
    }

    [Fact]
    public async Task OPTIONS_and_an_UPDATE_without_SDP_are_answered_with_200()
    {
        await using var harness = await StartAsync();
        var (call, _) = await harness.AnswerAsync();

        await harness.DeliverAsync(InDialogRequest(call, "OPTIONS", 1, "z9hG4bK-options"));
        await harness.DeliverAsync(InDialogRequest(call, "UPDATE", 2, "z9hG4bK-update"));

        var options = Assert.Single(harness.Responses(200), response => response.CSeq.Method == SipMethod.Options);
        Assert.Contains("INVITE", options.Headers.GetAll(SipHeaderNames.Allow));
        Assert.Single(harness.Responses(200), response => response.CSeq.Method == SipMethod.Update);
    }

    [Fact]
    public async Task A_request_out_of_order_gets_500()
    {
        await using var harness = await StartAsync();
        var (call, _) = await harness.AnswerAsync();
        await harness.DeliverAsync(InDialogRequest(call, "OPTIONS", 5, "z9hG4bK-options"));

        await harness.DeliverAsync(InDialogRequest(call, "INFO", 4, "z9hG4bK-info"));

        Assert.Single(harness.Responses(500));
    }

    [Fact]
    public async Task Hanging_up_sends_BYE_within_the_dialog_and_ends_the_call_at_once()
    {
        await using var harness = await StartAsync();
        var (call, invite) = await harness.AnswerAsync(extraHeaders: "Record-Route: <sip:edge.trunk.example.net;lr>");

        var hangup = call.HangupAsync();
        var bye = await harness.SentAsync(SipMethod.Bye);

        Assert.Equal(OutboundCallEndReason.LocalHangup, (await Eventually.Within(call.Ended)).Reason);
        Assert.True(call.Lifetime.IsCancellationRequested);
        Assert.Equal("sip:callee@192.0.2.10:5060", bye.RequestUri.ToString());
        Assert.Equal(new CSeq(2, SipMethod.Bye), bye.CSeq);
        Assert.Equal(CalleeTag, bye.To.Tag);
        Assert.Equal(invite.From.Tag, bye.From.Tag);
        Assert.Equal("<sip:edge.trunk.example.net;lr>", Assert.Single(bye.Routes).ToString());
        Assert.False(hangup.IsCompleted);
        Assert.Equal(1, harness.Agent.ActiveDialogs);

        await harness.DeliverAsync(Response(bye, 200));
        await Eventually.Within(hangup.ContinueWith(_ => true, TaskScheduler.Default));

        Assert.Equal(0, harness.Agent.ActiveDialogs);
        await call.HangupAsync();
        Assert.Single(harness.Requests(SipMethod.Bye));
    }

    [Fact]
    public async Task A_BYE_challenged_by_the_trunk_is_sent_again_with_credentials()
    {
        await using var harness = await StartAsync();
        var (call, _) = await harness.AnswerAsync(Request() with { Credentials = new DigestClient("trunkuser", "s3cret") });

        var hangup = call.HangupAsync();
        var bye = await harness.SentAsync(SipMethod.Bye);
        await harness.DeliverAsync(Response(bye, 401, extraHeaders: "WWW-Authenticate: Digest realm=\"trunk.test\", nonce=\"n2\", qop=\"auth\""));
        var second = await harness.SentAsync(SipMethod.Bye, 2);
        await harness.DeliverAsync(Response(second, 200));
        await Eventually.Within(hangup.ContinueWith(_ => true, TaskScheduler.Default));

        Assert.Equal(new CSeq(3, SipMethod.Bye), second.CSeq);
        Assert.True(DigestCredentials.TryParse(second.Headers.GetFirst(SipHeaderNames.Authorization), out var credentials, out _));
        Assert.Equal("n2", credentials!.Nonce);
        Assert.Equal(call.Dialog.RemoteTarget.ToString(), credentials.Uri);
    }

    private static IReadOnlyList<SipResponse> ReInviteOks(FakeCallerHarness harness) =>
        [.. harness.Responses(200).Where(response => response.CSeq.Method == SipMethod.Invite)];
}
