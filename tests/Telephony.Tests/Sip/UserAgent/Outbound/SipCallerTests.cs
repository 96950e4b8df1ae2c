using System.Net;
using CallMyWay.Voice.Telephony.Sdp;
using CallMyWay.Voice.Telephony.Sip.Auth;
using CallMyWay.Voice.Telephony.Sip.Dialogs;
using CallMyWay.Voice.Telephony.Sip.Messages;
using CallMyWay.Voice.Telephony.Sip.Registrar;
using CallMyWay.Voice.Telephony.Sip.Transport;
using CallMyWay.Voice.Telephony.Sip.UserAgent;
using CallMyWay.Voice.Telephony.Sip.UserAgent.Outbound;
using CallMyWay.Voice.Telephony.Tests.Media.Engine;
using CallMyWay.Voice.Telephony.Tests.Sip.Transactions;
using static CallMyWay.Voice.Telephony.Tests.Sip.UserAgent.Outbound.FakeCallerHarness;

namespace CallMyWay.Voice.Telephony.Tests.Sip.UserAgent.Outbound;

/// <summary>Placing a call, message by message against a scripted callee (RFC 3261 §13.2, §22.2, §9.1).</summary>
public sealed class SipCallerTests
{
    private const string Challenge = "Digest realm=\"trunk.test\", nonce=\"abc123\", algorithm=MD5, qop=\"auth\"";

    [Fact]
    public async Task The_INVITE_starts_a_new_dialog_and_offers_PCMU_PCMA_and_telephone_event()
    {
        await using var harness = await StartAsync();
        var request = Request() with { Headers = [new("X-Case-Number", "CR-2024-000123")] };

        _ = harness.Caller.PlaceAsync(request);
        var invite = await harness.SentAsync(SipMethod.Invite);

        Assert.Equal("sip:+50688887777@trunk.example.net:5060", invite.RequestUri.ToString());
        Assert.Equal("CallMyWay Soporte", invite.From.DisplayName);
        Assert.Equal("+50622223333", invite.From.User);
        Assert.Equal("10.0.0.1", invite.From.Uri!.Host);
        Assert.False(string.IsNullOrEmpty(invite.From.Tag));
        Assert.Equal("sip:+50688887777@trunk.example.net:5060", invite.To.UriText);
        Assert.Null(invite.To.Tag);
        Assert.Equal(new CSeq(1, SipMethod.Invite), invite.CSeq);
        Assert.Equal(70, invite.MaxForwards);
        Assert.Equal("sip:+50622223333@10.0.0.1:5060", invite.Contacts[0].UriText);
        Assert.Contains("BYE", invite.Headers.GetAll(SipHeaderNames.Allow));
        Assert.Equal("CallMyWay-Voice", invite.Headers.GetFirst(SipHeaderNames.UserAgent));
        Assert.Equal("CR-2024-000123", invite.Headers.GetFirst("X-Case-Number"));
        Assert.Equal("application/sdp", invite.ContentType);
        Assert.True(SessionDescription.TryParse(invite.Body.Span, out var offer, out _));
        var audio = Assert.Single(offer!.Media);
        Assert.Equal(["0", "8", "101"], audio.Formats);
        Assert.Equal("10.0.0.1", offer.Connection!.Host);
        Assert.Equal(1, harness.Media.Ports.InUse);
    }

    [Fact]
    public async Task A_header_the_call_writes_itself_cannot_be_added()
    {
        await using var harness = await StartAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => harness.Caller.PlaceAsync(Request() with { Headers = [new("Call-ID", "mine")] }));
    }

    [Fact]
    public async Task A_401_is_answered_once_with_Authorization_in_a_new_transaction_of_the_same_call()
    {
        await using var harness = await StartAsync();
        var placing = harness.Caller.PlaceAsync(Request() with { Credentials = new DigestClient("trunkuser", "s3cret") });
        var first = await harness.SentAsync(SipMethod.Invite);

        await harness.DeliverAsync(Response(first, 401, extraHeaders: "WWW-Authenticate: " + Challenge));
        var second = await harness.SentAsync(SipMethod.Invite, 2);

        Assert.Single(harness.Requests(SipMethod.Ack));
        Assert.Equal(new CSeq(2, SipMethod.Invite), second.CSeq);
        Assert.NotEqual(first.Vias[0].Branch, second.Vias[0].Branch);
        Assert.Equal(first.CallId, second.CallId);
        Assert.Equal(first.From.Tag, second.From.Tag);
        Assert.Null(second.To.Tag);
        Assert.Equal(first.Body.ToArray(), second.Body.ToArray());
        Assert.True(DigestCredentials.TryParse(second.Headers.GetFirst(SipHeaderNames.Authorization), out var credentials, out _));
        Assert.Equal("trunkuser", credentials!.Username);
        Assert.Equal("trunk.test", credentials.Realm);
        Assert.Equal(first.RequestUri.ToString(), credentials.Uri);
        Assert.False(placing.IsCompleted);
    }

    [Fact]
    public async Task A_407_is_answered_with_Proxy_Authorization_and_the_ACK_carries_the_same_credentials()
    {
        await using var harness = await StartAsync();
        var placing = harness.Caller.PlaceAsync(Request() with { Credentials = new DigestClient("trunkuser", "s3cret") });
        var first = await harness.SentAsync(SipMethod.Invite);
        await harness.DeliverAsync(Response(first, 407, extraHeaders: "Proxy-Authenticate: " + Challenge));
        var second = await harness.SentAsync(SipMethod.Invite, 2);

        await harness.DeliverAsync(Response(second, 200, AnswerSdp));
        var result = await Eventually.Within(placing);

        Assert.Equal(OutboundCallOutcome.Answered, result.Outcome);
        var proxyAuthorization = second.Headers.GetFirst(SipHeaderNames.ProxyAuthorization);
        Assert.NotNull(proxyAuthorization);
        Assert.Null(second.Headers.GetFirst(SipHeaderNames.Authorization));
        var ack = await harness.SentAsync(SipMethod.Ack, 2);
        Assert.Equal(new CSeq(2, SipMethod.Ack), ack.CSeq);
        Assert.Equal(proxyAuthorization, ack.Headers.GetFirst(SipHeaderNames.ProxyAuthorization));
    }

    [Fact]
    public async Task A_second_challenge_fails_the_call_as_an_authentication_failure()
    {
        await using var harness = await StartAsync();
        var placing = harness.Caller.PlaceAsync(Request() with { Credentials = new DigestClient("trunkuser", "wrong") });
        await harness.DeliverAsync(Response(await harness.SentAsync(SipMethod.Invite), 401, extraHeaders: "WWW-Authenticate: " + Challenge));

        await harness.DeliverAsync(Response(await harness.SentAsync(SipMethod.Invite, 2), 401, extraHeaders: "WWW-Authenticate: " + Challenge));
        var result = await Eventually.Within(placing);

        Assert.Equal(OutboundCallOutcome.Failed, result.Outcome);
        Assert.Equal(OutboundCallFailure.Authentication, result.Failure);
        Assert.Equal(401, result.StatusCode);
        Assert.Equal(2, harness.Requests(SipMethod.Invite).Count);
        Assert.Equal(0, harness.Media.Ports.InUse);
    }

    [Fact]
    public async Task A_403_after_our_credentials_is_an_authentication_failure_and_without_them_a_rejection()
    {
        await using var harness = await StartAsync();
        var placing = harness.Caller.PlaceAsync(Request() with { Credentials = new DigestClient("trunkuser", "wrong") });
        await harness.DeliverAsync(Response(await harness.SentAsync(SipMethod.Invite), 401, extraHeaders: "WWW-Authenticate: " + Challenge));
        await harness.DeliverAsync(Response(await harness.SentAsync(SipMethod.Invite, 2), 403));
        var refused = harness.Caller.PlaceAsync(Request());
        await harness.DeliverAsync(Response(await harness.SentAsync(SipMethod.Invite, 3), 403));

        var afterCredentials = await Eventually.Within(placing);
        var withoutCredentials = await Eventually.Within(refused);

        Assert.Equal(OutboundCallFailure.Authentication, afterCredentials.Failure);
        Assert.Equal(403, afterCredentials.StatusCode);
        Assert.Equal(OutboundCallOutcome.Rejected, withoutCredentials.Outcome);
        Assert.Equal(403, withoutCredentials.StatusCode);
    }

    [Fact]
    public async Task A_challenge_without_credentials_fails_the_call()
    {
        await using var harness = await StartAsync();
        var placing = harness.Caller.PlaceAsync(Request());

        await harness.DeliverAsync(Response(await harness.SentAsync(SipMethod.Invite), 407, extraHeaders: "Proxy-Authenticate: " + Challenge));
        var result = await Eventually.Within(placing);

        Assert.Equal(OutboundCallFailure.Authentication, result.Failure);
        Assert.Equal(407, result.StatusCode);
        Assert.Single(harness.Requests(SipMethod.Invite));
    }

    [Fact]
    public async Task The_2xx_is_acknowledged_within_the_dialog_and_again_for_each_retransmission()
    {
        await using var harness = await StartAsync();
        var (call, invite) = await harness.AnswerAsync(extraHeaders: "Record-Route: <sip:edge.trunk.example.net;lr>, <sip:core.trunk.example.net;lr>");
        var ack = await harness.SentAsync(SipMethod.Ack);

        // RFC 3261 §13.2.2.4: the INVITE's CSeq number, the dialog's To tag and route set, the remote target, a new branch.
        Assert.Equal("sip:callee@192.0.2.10:5060", ack.RequestUri.ToString());
        Assert.Equal(new CSeq(1, SipMethod.Ack), ack.CSeq);
        Assert.Equal(CalleeTag, ack.To.Tag);
        Assert.Equal(invite.From.Tag, ack.From.Tag);
        Assert.Equal(["<sip:core.trunk.example.net;lr>", "<sip:edge.trunk.example.net;lr>"], ack.Routes.Select(route => route.ToString()));
        Assert.NotEqual(invite.Vias[0].Branch, ack.Vias[0].Branch);
        Assert.True(ack.Body.IsEmpty);
        Assert.Equal(Trunk, harness.Transport.Sent.Single(sent => sent.IsRequest(SipMethod.Ack)).Destination);

        await harness.DeliverAsync(Response(invite, 200, AnswerSdp, "Record-Route: <sip:edge.trunk.example.net;lr>, <sip:core.trunk.example.net;lr>"));
        var again = await harness.SentAsync(SipMethod.Ack, 2);

        Assert.Equal(ack.Vias[0].Branch, again.Vias[0].Branch);
        Assert.Equal(ack.ToString(), again.ToString());
        Assert.Equal(1, harness.Agent.ActiveDialogs);
        Assert.Equal(call.Dialog.Id, new DialogId(invite.CallId, invite.From.Tag!, CalleeTag));
    }

    [Fact]
    public async Task A_2xx_from_another_fork_is_acknowledged_and_hung_up()
    {
        await using var harness = await StartAsync();
        var (call, invite) = await harness.AnswerAsync();

        await harness.DeliverAsync(Response(invite, 200, AnswerSdp, toTag: "second-fork"));
        var bye = await harness.SentAsync(SipMethod.Bye);

        Assert.Equal("second-fork", bye.To.Tag);
        Assert.Equal("second-fork", harness.Requests(SipMethod.Ack)[1].To.Tag);
        Assert.False(call.HasEnded);
    }

    [Fact]
    public async Task Ringing_is_reported_for_180_and_183_but_not_for_100()
    {
        await using var harness = await StartAsync();
        var progress = new List<int>();
        var placing = harness.Caller.PlaceAsync(Request() with { Ringing = ringing => progress.Add(ringing.StatusCode) });
        var invite = await harness.SentAsync(SipMethod.Invite);

        await harness.DeliverAsync(Response(invite, 100));
        await harness.DeliverAsync(Response(invite, 180));
        await harness.DeliverAsync(Response(invite, 183));
        await harness.DeliverAsync(Response(invite, 200, AnswerSdp));
        await Eventually.Within(placing);

        Assert.Equal([180, 183], progress);
    }

    [Fact]
    public async Task Early_media_in_a_183_starts_the_session_and_a_2xx_without_SDP_keeps_it()
    {
        await using var harness = await StartAsync();
        OutboundCallProgress? early = null;
        var placing = harness.Caller.PlaceAsync(Request() with { Ringing = ringing => early = ringing });
        var invite = await harness.SentAsync(SipMethod.Invite);

        await harness.DeliverAsync(Response(invite, 183, AnswerSdp));
        await Eventually.True(() => early is not null, "the 183");

        Assert.NotNull(early!.EarlyMedia);
        Assert.True(early.EarlyMedia.IsStarted);
        Assert.Equal(30000, early.EarlyMedia.Media.RemoteRtpPort);
        await harness.DeliverAsync(Response(invite, 200));
        var result = await Eventually.Within(placing);

        Assert.Same(early.EarlyMedia, result.Call!.Media);
        Assert.Equal(1, harness.Media.ActiveSessions);
    }

    [Fact]
    public async Task The_ring_timeout_cancels_the_INVITE_and_gives_NoAnswer()
    {
        await using var harness = await StartAsync();
        var placing = harness.Caller.PlaceAsync(Request() with { RingTimeout = TimeSpan.FromSeconds(20) });
        var invite = await harness.SentAsync(SipMethod.Invite);
        await harness.DeliverAsync(Response(invite, 180));

        harness.Time.RunSeconds(19.9);
        Assert.Empty(harness.Requests(SipMethod.Cancel));
        harness.Time.RunSeconds(0.1);
        var cancel = await harness.SentAsync(SipMethod.Cancel);
        await harness.DeliverAsync(Response(cancel, 200));
        await harness.DeliverAsync(Response(invite, 487));
        var result = await Eventually.Within(placing);

        Assert.Equal(OutboundCallOutcome.NoAnswer, result.Outcome);
        Assert.Equal(487, result.StatusCode);
        Assert.Equal(invite.Vias[0].Branch, cancel.Vias[0].Branch);
        Assert.Equal(new CSeq(1, SipMethod.Cancel), cancel.CSeq);
        Assert.Single(harness.Requests(SipMethod.Ack));
        Assert.Equal(0, harness.Media.Ports.InUse);
    }

    [Fact]
    public async Task Silence_until_the_ring_timeout_fails_as_a_timeout_without_waiting_for_Timer_B()
    {
        await using var harness = await StartAsync();
        var placing = harness.Caller.PlaceAsync(Request() with { RingTimeout = TimeSpan.FromSeconds(5) });
        await harness.SentAsync(SipMethod.Invite);

        harness.Time.RunSeconds(5);
        var result = await Eventually.Within(placing);

        Assert.Equal(OutboundCallOutcome.Failed, result.Outcome);
        Assert.Equal(OutboundCallFailure.Timeout, result.Failure);
        Assert.Empty(harness.Requests(SipMethod.Cancel));
    }

    [Fact]
    public async Task A_2xx_that_races_our_CANCEL_is_acknowledged_and_hung_up()
    {
        await using var harness = await StartAsync();
        using var withdraw = new CancellationTokenSource();
        var placing = harness.Caller.PlaceAsync(Request(), withdraw.Token);
        var invite = await harness.SentAsync(SipMethod.Invite);
        await harness.DeliverAsync(Response(invite, 180));

        await withdraw.CancelAsync();
        var cancel = await harness.SentAsync(SipMethod.Cancel);
        await harness.DeliverAsync(Response(invite, 200, AnswerSdp));
        await harness.DeliverAsync(Response(cancel, 200));
        var result = await Eventually.Within(placing);

        Assert.Equal(OutboundCallOutcome.Cancelled, result.Outcome);
        var ack = await harness.SentAsync(SipMethod.Ack);
        var bye = await harness.SentAsync(SipMethod.Bye);
        Assert.Equal(CalleeTag, ack.To.Tag);
        Assert.Equal(new CSeq(2, SipMethod.Bye), bye.CSeq);
        Assert.Equal(0, harness.Agent.ActiveDialogs);
        Assert.Equal(0, harness.Media.Ports.InUse);
    }

    [Fact]
    public async Task A_call_withdrawn_after_a_challenge_cancels_the_INVITE_that_answered_it()
    {
        await using var harness = await StartAsync();
        using var withdraw = new CancellationTokenSource();
        var placing = harness.Caller.PlaceAsync(Request() with { Credentials = new DigestClient("trunkuser", "s3cret") }, withdraw.Token);
        await harness.DeliverAsync(Response(await harness.SentAsync(SipMethod.Invite), 401, extraHeaders: "WWW-Authenticate: " + Challenge));
        var second = await harness.SentAsync(SipMethod.Invite, 2);

        await withdraw.CancelAsync();
        var result = await Eventually.Within(placing);
        await harness.DeliverAsync(Response(second, 180));
        var cancel = await harness.SentAsync(SipMethod.Cancel);

        Assert.Equal(OutboundCallOutcome.Cancelled, result.Outcome);
        Assert.Equal(second.Vias[0].Branch, cancel.Vias[0].Branch);
        Assert.Equal(new CSeq(2, SipMethod.Cancel), cancel.CSeq);
    }

    [Fact]
    public async Task A_call_withdrawn_before_it_is_placed_sends_nothing()
    {
        await using var harness = await StartAsync();

        var result = await harness.Caller.PlaceAsync(Request(), new CancellationToken(canceled: true));

        Assert.Equal(OutboundCallOutcome.Cancelled, result.Outcome);
        Assert.Empty(harness.Transport.Sent);
        Assert.Equal(0, harness.Media.Ports.InUse);
    }

    [Theory]
    [InlineData(486, OutboundCallOutcome.Busy)]
    [InlineData(600, OutboundCallOutcome.Busy)]
    [InlineData(603, OutboundCallOutcome.Rejected)]
    [InlineData(404, OutboundCallOutcome.Rejected)]
    [InlineData(480, OutboundCallOutcome.Rejected)]
    [InlineData(503, OutboundCallOutcome.Rejected)]
    public async Task Final_refusals_are_told_apart(int statusCode, OutboundCallOutcome outcome)
    {
        await using var harness = await StartAsync();
        var placing = harness.Caller.PlaceAsync(Request());

        await harness.DeliverAsync(Response(await harness.SentAsync(SipMethod.Invite), statusCode));
        var result = await Eventually.Within(placing);

        Assert.Equal(outcome, result.Outcome);
        Assert.Equal(statusCode, result.StatusCode);
        Assert.Null(result.Call);
        Assert.Equal(0, harness.Media.Ports.InUse);
    }

    [Fact]
    public async Task An_INVITE_the_transport_cannot_send_fails_the_call()
    {
        await using var harness = await StartAsync();
        harness.Transport.FailWhen = message => message is SipRequest;

        var result = await Eventually.Within(harness.Caller.PlaceAsync(Request()));

        Assert.Equal(OutboundCallFailure.Transport, result.Failure);
        Assert.Equal(503, result.StatusCode);
        Assert.Equal(0, harness.Media.Ports.InUse);
    }

    [Fact]
    public async Task No_response_at_all_fails_on_Timer_B()
    {
        await using var harness = await StartAsync();
        var placing = harness.Caller.PlaceAsync(Request() with { RingTimeout = TimeSpan.FromMinutes(2) });
        await harness.SentAsync(SipMethod.Invite);

        harness.Time.RunSeconds(32);
        var result = await Eventually.Within(placing);

        Assert.Equal(OutboundCallFailure.Timeout, result.Failure);
        Assert.Equal(408, result.StatusCode);
    }

    [Fact]
    public async Task An_answer_without_a_codec_from_our_offer_is_acknowledged_hung_up_and_fails()
    {
        await using var harness = await StartAsync();
        var placing = harness.Caller.PlaceAsync(Request());
        var invite = await harness.SentAsync(SipMethod.Invite);
        var g729 = "v=0\r\no=trunk 1 1 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\nm=audio 30000 RTP/AVP 18\r\na=rtpmap:18 G729/8000\r\n";

        await harness.DeliverAsync(Response(invite, 200, g729));
        var result = await Eventually.Within(placing);

        Assert.Equal(OutboundCallFailure.UnusableAnswer, result.Failure);
        Assert.Single(harness.Requests(SipMethod.Ack));
        Assert.Single(harness.Requests(SipMethod.Bye));
        Assert.Equal(0, harness.Agent.ActiveDialogs);
        Assert.Equal(0, harness.Media.Ports.InUse);
    }

    [Fact]
    public async Task A_trunk_request_uses_the_trunk_options()
    {
        var trunk = new TrunkOptions { Host = "sip.carrier.example", Port = 5080, Username = "desk", Password = "pw" };

        var request = OutboundCallRequest.ThroughTrunk(trunk, IPAddress.Parse("198.51.100.20"), "+50688887777", CallerStack.Did);

        Assert.Equal("sip:+50688887777@sip.carrier.example:5080", request.Target.ToString());
        Assert.Equal("198.51.100.20:5080", request.Destination.Address.ToString());
        Assert.Equal("desk", request.Credentials!.Username);
        Assert.Equal(OutboundCallRequest.DefaultRingTimeout, request.RingTimeout);
        Assert.Null(OutboundCallRequest.ThroughTrunk(new TrunkOptions { Host = "h" }, IPAddress.Loopback, "1", "2").Credentials);
    }

    [Fact]
    public void A_registered_phone_is_called_at_its_contact_through_the_address_it_registered_from()
    {
        var now = DateTimeOffset.UnixEpoch;
        var behindNat = new SipEndPoint(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("203.0.113.7"), 40312));
        var binding = new ContactBinding
        {
            Extension = "201",
            Contact = NameAddress.Parse("<sip:201@192.168.1.20:5062>"),
            Uri = SipUri.Parse("sip:201@192.168.1.20:5062"),
            ExpiresAt = now.AddHours(1),
            CallId = "reg-1",
            CSeq = 1,
            ReceivedFrom = behindNat,
            LocalEndPoint = Trunk,
            RegisteredAt = now,
            UpdatedAt = now,
        };

        var request = OutboundCallRequest.ToRegisteredPhone(binding, CallerStack.Did);

        Assert.Equal("sip:201@192.168.1.20:5062", request.Target.ToString());
        Assert.Equal(behindNat, request.Destination);
        Assert.Null(request.Credentials);
    }
}
