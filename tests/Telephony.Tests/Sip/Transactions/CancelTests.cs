using System.Net;
using CallMyWay.Voice.Telephony.Sip.Messages;
using CallMyWay.Voice.Telephony.Sip.Transactions;
using CallMyWay.Voice.Telephony.Sip.Transport;

namespace CallMyWay.Voice.Telephony.Tests.Sip.Transactions;

public sealed class CancelTests
{
    private static readonly SipEndPoint Trunk = new(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("203.0.113.5"), 5060));

    [Fact]
    public void Cancel_request_copies_what_RFC_3261_section_9_1_requires()
    {
        var invite = SipRequest(
            "INVITE sip:bob@example.com SIP/2.0\r\n"
            + "Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK-inv;rport\r\n"
            + "Via: SIP/2.0/UDP 10.0.0.9:5060;branch=z9hG4bK-lower\r\n"
            + "Max-Forwards: 69\r\n"
            + "Route: <sip:p1.example.com;lr>, <sip:p2.example.com;lr>\r\n"
            + "From: \"IVR\" <sip:ivr@10.0.0.1>;tag=abc\r\n"
            + "To: <sip:bob@example.com>\r\n"
            + "Call-ID: c1@10.0.0.1\r\n"
            + "CSeq: 314 INVITE\r\n"
            + "Content-Type: application/sdp\r\n"
            + "Content-Length: 4\r\n"
            + "\r\n"
            + "v=0\n");

        var cancel = CancelRequest.Create(invite);

        Assert.Equal(SipMethod.Cancel, cancel.Method);
        Assert.Equal(invite.RequestUri, cancel.RequestUri);
        Assert.Equal("SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK-inv;rport", Assert.Single(cancel.Vias).ToString());
        Assert.Equal(["<sip:p1.example.com;lr>", "<sip:p2.example.com;lr>"], cancel.Headers.GetAll(SipHeaderNames.Route));
        Assert.Equal("\"IVR\" <sip:ivr@10.0.0.1>;tag=abc", cancel.Headers.GetFirst(SipHeaderNames.From));
        Assert.Equal("<sip:bob@example.com>", cancel.Headers.GetFirst(SipHeaderNames.To));
        Assert.Equal("c1@10.0.0.1", cancel.CallId);
        Assert.Equal(new CSeq(314, SipMethod.Cancel), cancel.CSeq);
        Assert.Equal(70, cancel.MaxForwards);
        Assert.Equal(0, cancel.ContentLength);
        Assert.Null(cancel.ContentType);
    }

    [Fact]
    public void Only_an_invite_is_cancelled()
    {
        var bye = new SipRequest(SipMethod.Bye, SipUri.Parse("sip:bob@example.com"));

        Assert.Throws<ArgumentException>(() => CancelRequest.Create(bye));
    }

    [Fact]
    public async Task Client_cancel_in_proceeding_sends_a_cancel_and_the_invite_ends_with_487()
    {
        await using var harness = await TransactionHarness.StartAsync();
        var invite = await harness.Layer.SendInviteAsync(ClientInviteTransactionTests.NewInvite(), Trunk);
        var sentInvite = (SipRequest)harness.Requests(SipMethod.Invite)[0].Parsed();
        await harness.DeliverAsync(TestMessages.ResponseTo(sentInvite, 180), Trunk);

        await invite.CancelAsync();
        await invite.CancelAsync();

        var sentCancel = Assert.Single(harness.Requests(SipMethod.Cancel));
        Assert.Equal(Trunk, sentCancel.Destination);
        var cancel = (SipRequest)sentCancel.Parsed();
        Assert.Equal(sentInvite.Vias[0].Branch, cancel.Vias[0].Branch);
        Assert.NotNull(invite.CancelTransaction);

        // Same branch, different CSeq method: each response finds its own transaction (RFC 3261 §17.1.3).
        await harness.DeliverAsync(TestMessages.ResponseTo(cancel, 200), Trunk);
        await harness.DeliverAsync(TestMessages.ResponseTo(sentInvite, 487), Trunk);

        Assert.Equal(200, (await invite.CancelTransaction.FinalResponse).StatusCode);
        Assert.Equal(487, (await invite.FinalResponse).StatusCode);
        Assert.Single(harness.Requests(SipMethod.Ack));
        Assert.Equal(0, harness.Counters.StrayResponsesDropped);
    }

    [Fact]
    public async Task Client_cancel_while_calling_waits_for_a_provisional_response()
    {
        await using var harness = await TransactionHarness.StartAsync();
        var invite = await harness.Layer.SendInviteAsync(ClientInviteTransactionTests.NewInvite(), Trunk);

        await invite.CancelAsync();
        harness.RunSeconds(1);
        Assert.Empty(harness.Requests(SipMethod.Cancel));

        await harness.DeliverAsync(TestMessages.ResponseTo(harness.Requests(SipMethod.Invite)[0], 100), Trunk);

        Assert.Single(harness.Requests(SipMethod.Cancel));
    }

    [Fact]
    public async Task Client_cancel_after_the_final_response_sends_nothing()
    {
        await using var harness = await TransactionHarness.StartAsync();
        var invite = await harness.Layer.SendInviteAsync(ClientInviteTransactionTests.NewInvite(), Trunk);
        await harness.DeliverAsync(TestMessages.ResponseTo(harness.Requests(SipMethod.Invite)[0], 200), Trunk);

        await invite.CancelAsync();

        Assert.Empty(harness.Requests(SipMethod.Cancel));
        Assert.Null(invite.CancelTransaction);
    }

    [Fact]
    public async Task Without_a_final_response_64_T1_after_the_cancel_the_invite_is_given_up()
    {
        await using var harness = await TransactionHarness.StartAsync();
        var invite = await harness.Layer.SendInviteAsync(ClientInviteTransactionTests.NewInvite(), Trunk);
        await harness.DeliverAsync(TestMessages.ResponseTo(harness.Requests(SipMethod.Invite)[0], 180), Trunk);
        await invite.CancelAsync();

        harness.RunSeconds(32);

        Assert.Equal(487, (await invite.FinalResponse).StatusCode);
        Assert.Equal(TransactionOutcome.TimedOut, await invite.Completion);
        Assert.Equal(0, harness.Counters.ActiveClientTransactions);
    }

    [Fact]
    public async Task An_invite_ringing_past_timer_C_is_cancelled()
    {
        await using var harness = await TransactionHarness.StartAsync();
        var invite = await harness.Layer.SendInviteAsync(ClientInviteTransactionTests.NewInvite(), Trunk);
        await harness.DeliverAsync(TestMessages.ResponseTo(harness.Requests(SipMethod.Invite)[0], 180), Trunk);

        harness.RunSeconds(179.9);
        Assert.Empty(harness.Requests(SipMethod.Cancel));
        harness.RunSeconds(0.1);

        Assert.Single(harness.Requests(SipMethod.Cancel));
        Assert.Equal(ClientInviteState.Proceeding, invite.State);
    }

    [Fact]
    public async Task Server_cancel_is_answered_200_and_the_TU_answers_the_invite_487()
    {
        await using var harness = await TransactionHarness.StartAsync();
        harness.User.OnRequest = transaction => new ValueTask(transaction.RespondAsync(180).AsTask());
        harness.User.OnCancel = transaction => new ValueTask(transaction.RespondAsync(487).AsTask());
        await harness.DeliverAsync(TestMessages.Invite());
        var invite = (ServerInviteTransaction)harness.User.LastRequest;

        await harness.DeliverAsync(TestMessages.Cancel());

        var ok = Assert.Single(harness.Responses(200));
        var okParsed = (SipResponse)ok.Parsed();
        Assert.Equal(SipMethod.Cancel, okParsed.CSeq.Method);
        Assert.Equal(invite.LocalTag, okParsed.To.Tag);
        var (cancelled, cancel) = Assert.Single(harness.User.Cancels);
        Assert.Same(invite, cancelled);
        Assert.Equal(SipMethod.Cancel, cancel.Method);
        Assert.True(invite.CancellationRequested.IsCancellationRequested);
        Assert.Same(cancel, invite.CancelRequest);

        var terminated = Assert.Single(harness.Responses(487));
        Assert.Equal(SipMethod.Invite, ((SipResponse)terminated.Parsed()).CSeq.Method);
        Assert.True(harness.Transport.Sent.ToList().IndexOf(ok) < harness.Transport.Sent.ToList().IndexOf(terminated));
        Assert.Equal(ServerInviteState.Completed, invite.State);

        await harness.DeliverAsync(TestMessages.AckForNonSuccess(invite.LocalTag));
        Assert.Equal(ServerInviteState.Confirmed, invite.State);
        Assert.Single(harness.User.Requests);
    }

    [Fact]
    public async Task A_retransmitted_cancel_gets_the_200_again_and_reaches_the_TU_once()
    {
        await using var harness = await TransactionHarness.StartAsync();
        await harness.DeliverAsync(TestMessages.Invite());

        await harness.DeliverAsync(TestMessages.Cancel());
        await harness.DeliverAsync(TestMessages.Cancel());

        Assert.Equal(2, harness.Responses(200).Count);
        Assert.Single(harness.User.Cancels);
    }

    [Fact]
    public async Task A_cancel_matching_no_transaction_is_answered_481()
    {
        await using var harness = await TransactionHarness.StartAsync();
        await harness.DeliverAsync(TestMessages.Invite(branch: "z9hG4bK-other"));

        await harness.DeliverAsync(TestMessages.Cancel());

        var response = (SipResponse)Assert.Single(harness.Responses(481)).Parsed();
        Assert.Equal(SipMethod.Cancel, response.CSeq.Method);
        Assert.NotNull(response.To.Tag);
        Assert.Empty(harness.User.Cancels);
        Assert.Equal(1, harness.Counters.UnmatchedCancels);
    }

    [Fact]
    public async Task A_cancel_after_the_final_response_is_answered_200_but_changes_nothing()
    {
        await using var harness = await TransactionHarness.StartAsync();
        harness.User.OnRequest = transaction => new ValueTask(transaction.RespondAsync(200).AsTask());
        await harness.DeliverAsync(TestMessages.Invite());
        var invite = (ServerInviteTransaction)harness.User.LastRequest;

        await harness.DeliverAsync(TestMessages.Cancel());

        Assert.Equal(2, harness.Responses(200).Count);
        Assert.Empty(harness.User.Cancels);
        Assert.False(invite.CancellationRequested.IsCancellationRequested);
        Assert.Equal(ServerInviteState.Accepted, invite.State);
    }

    [Fact]
    public async Task The_cancel_transaction_itself_ends_on_timer_J()
    {
        await using var harness = await TransactionHarness.StartAsync();
        harness.User.OnCancel = transaction => new ValueTask(transaction.RespondAsync(487).AsTask());
        await harness.DeliverAsync(TestMessages.Invite());
        await harness.DeliverAsync(TestMessages.Cancel());
        await harness.DeliverAsync(TestMessages.AckForNonSuccess(harness.User.LastRequest.LocalTag));

        harness.RunSeconds(32);

        Assert.Equal(0, harness.Counters.ActiveServerTransactions);
        Assert.Equal(2, harness.Counters.ServerTransactionsCreated);
    }

    private static SipRequest SipRequest(string text) =>
        SipParser.TryParse(System.Text.Encoding.UTF8.GetBytes(text), out var message, out var error)
            ? (SipRequest)message
            : throw new InvalidOperationException(error.Reason);
}
