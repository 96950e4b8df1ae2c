using CallMyWay.Voice.Telephony.Sip.Messages;
using CallMyWay.Voice.Telephony.Sip.Transactions;
using CallMyWay.Voice.Telephony.Sip.Transport;

namespace CallMyWay.Voice.Telephony.Tests.Sip.Transactions;

public sealed class ServerInviteTransactionTests
{
    [Fact]
    public async Task New_invite_reaches_the_TU_once_in_a_proceeding_transaction()
    {
        await using var harness = await TransactionHarness.StartAsync();

        await harness.DeliverAsync(TestMessages.Invite());

        var transaction = Assert.IsType<ServerInviteTransaction>(Assert.Single(harness.User.Requests));
        Assert.Equal(ServerInviteState.Proceeding, transaction.State);
        Assert.Equal("z9hG4bK-1", transaction.Branch);
        Assert.Equal(TransactionHarness.UdpPeer, transaction.Source);
        Assert.Equal(TransactionHarness.UdpPeer, transaction.ResponseDestination);
        Assert.False(transaction.IsReliable);
        Assert.Equal(1, harness.Counters.ActiveServerTransactions);
    }

    [Fact]
    public async Task Invite_retransmission_is_absorbed_and_gets_the_last_provisional_again()
    {
        await using var harness = await TransactionHarness.StartAsync();
        harness.User.OnRequest = transaction => Ignore(transaction.RespondAsync(180));

        await harness.DeliverAsync(TestMessages.Invite());
        await harness.DeliverAsync(TestMessages.Invite());
        await harness.DeliverAsync(TestMessages.Invite());

        Assert.Single(harness.User.Requests);
        var ringing = harness.Responses(180);
        Assert.Equal(3, ringing.Count);
        Assert.All(ringing, sent => Assert.Same(ringing[0].Message, sent.Message));
        Assert.All(ringing, sent => Assert.Equal(TransactionHarness.UdpPeer, sent.Destination));
        Assert.Equal(2, harness.Counters.RequestsAbsorbed);
        Assert.Equal(2, harness.Counters.RetransmissionsSent);
    }

    [Fact]
    public async Task Trying_is_sent_when_the_TU_has_not_answered_within_200_ms()
    {
        await using var harness = await TransactionHarness.StartAsync();
        await harness.DeliverAsync(TestMessages.Invite(extraHeaders: "Timestamp: 54\r\n"));

        harness.RunSeconds(0.1);
        Assert.Empty(harness.Responses(100));
        harness.RunSeconds(0.1);

        var trying = Assert.Single(harness.Responses(100));
        Assert.Equal(0.2, trying.At.TotalSeconds, 3);
        var parsed = (SipResponse)trying.Parsed();
        Assert.Null(parsed.To.Tag);
        Assert.Equal("54", parsed.Headers.GetFirst(SipHeaderNames.Timestamp));
        Assert.Equal("z9hG4bK-1", parsed.Vias[0].Branch);

        // A retransmitted INVITE gets the 100 again, as the latest provisional response.
        await harness.DeliverAsync(TestMessages.Invite());
        Assert.Equal(2, harness.Responses(100).Count);
    }

    [Fact]
    public async Task No_trying_is_sent_when_the_TU_answers_within_200_ms()
    {
        await using var harness = await TransactionHarness.StartAsync();
        await harness.DeliverAsync(TestMessages.Invite());
        harness.RunSeconds(0.1);

        await harness.User.LastRequest.RespondAsync(180);
        harness.RunSeconds(2);

        Assert.Empty(harness.Responses(100));
        Assert.Single(harness.Responses(180));
    }

    [Fact]
    public async Task Busy_is_retransmitted_on_timer_G_doubling_up_to_T2_until_the_ACK()
    {
        await using var harness = await TransactionHarness.StartAsync();
        harness.User.OnRequest = transaction => Ignore(transaction.RespondAsync(486));
        await harness.DeliverAsync(TestMessages.Invite());
        var transaction = (ServerInviteTransaction)harness.User.LastRequest;

        harness.RunSeconds(20);

        // Intervals 0.5, 1, 2, 4, 4, 4, 4 s (RFC 3261 §17.2.1).
        Assert.Equal([0, 0.5, 1.5, 3.5, 7.5, 11.5, 15.5, 19.5], harness.SendTimes(sent => sent.IsResponse(486)));
        Assert.Equal(ServerInviteState.Completed, transaction.State);

        await harness.DeliverAsync(TestMessages.AckForNonSuccess(transaction.LocalTag));
        harness.RunSeconds(4);

        Assert.Equal(ServerInviteState.Confirmed, transaction.State);
        Assert.Equal(8, harness.Responses(486).Count);
        Assert.Empty(harness.User.Acks);
        Assert.Equal(1, harness.Counters.RequestsAbsorbed);
    }

    [Fact]
    public async Task Ack_in_confirmed_is_absorbed_and_timer_I_ends_the_transaction()
    {
        await using var harness = await TransactionHarness.StartAsync();
        harness.User.OnRequest = transaction => Ignore(transaction.RespondAsync(486));
        await harness.DeliverAsync(TestMessages.Invite());
        var transaction = (ServerInviteTransaction)harness.User.LastRequest;
        await harness.DeliverAsync(TestMessages.AckForNonSuccess(transaction.LocalTag));

        harness.RunSeconds(1);
        await harness.DeliverAsync(TestMessages.AckForNonSuccess(transaction.LocalTag));
        harness.RunSeconds(3.9);

        Assert.Equal(ServerInviteState.Confirmed, transaction.State);
        Assert.Empty(harness.User.Acks);
        Assert.Equal(2, harness.Counters.RequestsAbsorbed);

        // Timer I: T4 = 5 s after the first ACK.
        harness.RunSeconds(0.1);
        Assert.Equal(ServerInviteState.Terminated, transaction.State);
        Assert.Equal(TransactionOutcome.Finished, await transaction.Completion);
        Assert.Equal(0, harness.Counters.ActiveServerTransactions);
    }

    [Fact]
    public async Task Timer_H_ends_the_transaction_as_timed_out_when_no_ACK_arrives()
    {
        await using var harness = await TransactionHarness.StartAsync();
        harness.User.OnRequest = transaction => Ignore(transaction.RespondAsync(486));
        await harness.DeliverAsync(TestMessages.Invite());
        var transaction = harness.User.LastRequest;

        harness.RunSeconds(31.9);
        Assert.False(transaction.Completion.IsCompleted);
        harness.RunSeconds(0.1);

        Assert.Equal(TransactionOutcome.TimedOut, await transaction.Completion);
        Assert.Equal([0, 0.5, 1.5, 3.5, 7.5, 11.5, 15.5, 19.5, 23.5, 27.5, 31.5], harness.SendTimes(sent => sent.IsResponse(486)));
        Assert.Equal(1, harness.Counters.Timeouts);
        Assert.Equal(0, harness.Counters.ActiveServerTransactions);
        harness.RunSeconds(10);
        Assert.Equal(11, harness.Responses(486).Count);
    }

    [Fact]
    public async Task Invite_retransmission_in_completed_gets_the_final_response_again()
    {
        await using var harness = await TransactionHarness.StartAsync();
        harness.User.OnRequest = transaction => Ignore(transaction.RespondAsync(486));
        await harness.DeliverAsync(TestMessages.Invite());

        await harness.DeliverAsync(TestMessages.Invite());

        Assert.Equal(2, harness.Responses(486).Count);
        Assert.Single(harness.User.Requests);
    }

    [Fact]
    public async Task In_accepted_invite_retransmissions_are_absorbed_without_resending_the_2xx()
    {
        await using var harness = await TransactionHarness.StartAsync();
        harness.User.OnRequest = transaction => Ignore(transaction.RespondAsync(200));
        await harness.DeliverAsync(TestMessages.Invite());
        var transaction = (ServerInviteTransaction)harness.User.LastRequest;

        await harness.DeliverAsync(TestMessages.Invite());
        harness.RunSeconds(10);

        Assert.Equal(ServerInviteState.Accepted, transaction.State);
        Assert.Single(harness.Responses(200));
        Assert.Single(harness.User.Requests);
        Assert.Equal(1, harness.Counters.RequestsAbsorbed);
    }

    [Fact]
    public async Task In_accepted_the_TU_retransmits_its_2xx_through_the_transaction()
    {
        await using var harness = await TransactionHarness.StartAsync();
        await harness.DeliverAsync(TestMessages.Invite());
        var transaction = harness.User.LastRequest;
        var ok = transaction.CreateResponse(200);

        Assert.True(await transaction.RespondAsync(ok));
        harness.RunSeconds(0.5);
        Assert.True(await transaction.RespondAsync(ok));

        Assert.Equal([0, 0.5], harness.SendTimes(sent => sent.IsResponse(200)));
        Assert.False(await transaction.RespondAsync(486));
    }

    [Fact]
    public async Task Ack_for_2xx_goes_to_the_TU_whether_or_not_it_reuses_the_branch()
    {
        await using var harness = await TransactionHarness.StartAsync();
        harness.User.OnRequest = transaction => Ignore(transaction.RespondAsync(200));
        await harness.DeliverAsync(TestMessages.Invite());
        var transaction = harness.User.LastRequest;

        // RFC 3261 §13.2.2.4: a new branch, so no transaction matches it.
        await harness.DeliverAsync(TestMessages.AckForSuccess(transaction.LocalTag));

        // A peer that reuses the INVITE's branch matches the Accepted transaction, which passes it up (RFC 6026 §7.1).
        await harness.DeliverAsync(TestMessages.AckForSuccess(transaction.LocalTag, branch: "z9hG4bK-1"));

        Assert.Equal(2, harness.User.Acks.Count);
        Assert.All(harness.User.Acks, ack => Assert.Equal(SipMethod.Ack, ack.Method));
        Assert.Equal(0, harness.Counters.RequestsAbsorbed);
    }

    [Fact]
    public async Task Timer_L_ends_the_accepted_transaction_after_64_T1()
    {
        await using var harness = await TransactionHarness.StartAsync();
        harness.User.OnRequest = transaction => Ignore(transaction.RespondAsync(200));
        await harness.DeliverAsync(TestMessages.Invite());
        var transaction = (ServerInviteTransaction)harness.User.LastRequest;

        harness.RunSeconds(31.9);
        Assert.Equal(ServerInviteState.Accepted, transaction.State);
        harness.RunSeconds(0.1);

        Assert.Equal(ServerInviteState.Terminated, transaction.State);
        Assert.Equal(TransactionOutcome.Finished, await transaction.Completion);
        Assert.Equal(0, harness.Counters.ActiveServerTransactions);
        Assert.Single(harness.Responses(200));
    }

    [Fact]
    public async Task Over_TCP_the_final_response_is_not_retransmitted_and_the_ACK_ends_the_transaction()
    {
        await using var harness = await TransactionHarness.StartAsync();
        harness.User.OnRequest = transaction => Ignore(transaction.RespondAsync(486));
        await harness.DeliverAsync(TestMessages.Invite(transport: "TCP"), TransactionHarness.TcpPeer);
        var transaction = (ServerInviteTransaction)harness.User.LastRequest;

        harness.RunSeconds(10);
        var busy = Assert.Single(harness.Responses(486));
        Assert.Equal(TransactionHarness.TcpPeer, busy.Destination);
        Assert.True(transaction.IsReliable);

        await harness.DeliverAsync(TestMessages.AckForNonSuccess(transaction.LocalTag, transport: "TCP"), TransactionHarness.TcpPeer);

        // Timer I is 0 over TCP.
        Assert.Equal(ServerInviteState.Terminated, transaction.State);
        Assert.Equal(TransactionOutcome.Finished, await transaction.Completion);
    }

    [Fact]
    public async Task Over_TCP_a_missing_ACK_still_times_out_on_timer_H()
    {
        await using var harness = await TransactionHarness.StartAsync();
        harness.User.OnRequest = transaction => Ignore(transaction.RespondAsync(603));
        await harness.DeliverAsync(TestMessages.Invite(transport: "TCP"), TransactionHarness.TcpPeer);

        harness.RunSeconds(32);

        Assert.Equal(TransactionOutcome.TimedOut, await harness.User.LastRequest.Completion);
        Assert.Single(harness.Responses(603));
    }

    [Fact]
    public async Task A_failed_send_of_a_non_2xx_final_response_ends_the_transaction_and_throws_to_the_TU()
    {
        await using var harness = await TransactionHarness.StartAsync();
        harness.Transport.FailWhen = message => message is SipResponse { StatusCode: 486 };
        await harness.DeliverAsync(TestMessages.Invite());
        var transaction = (ServerInviteTransaction)harness.User.LastRequest;

        await Assert.ThrowsAsync<SipTransportException>(() => transaction.RespondAsync(486).AsTask());

        Assert.Equal(TransactionOutcome.TransportFailed, await transaction.Completion);
        Assert.Equal(1, harness.Counters.TransportErrors);
        Assert.Equal(0, harness.Counters.ActiveServerTransactions);
    }

    [Fact]
    public async Task A_failed_provisional_send_leaves_the_transaction_proceeding()
    {
        await using var harness = await TransactionHarness.StartAsync();
        harness.Transport.FailWhen = message => message is SipResponse { StatusCode: 180 };
        await harness.DeliverAsync(TestMessages.Invite());
        var transaction = (ServerInviteTransaction)harness.User.LastRequest;

        await Assert.ThrowsAsync<SipTransportException>(() => transaction.RespondAsync(180).AsTask());

        // RFC 6026 Figure 7: the TU is told and may still answer.
        Assert.Equal(ServerInviteState.Proceeding, transaction.State);
        Assert.True(await transaction.RespondAsync(200));
        Assert.Equal(ServerInviteState.Accepted, transaction.State);
    }

    [Fact]
    public async Task A_second_final_response_is_refused()
    {
        await using var harness = await TransactionHarness.StartAsync();
        await harness.DeliverAsync(TestMessages.Invite());
        var transaction = harness.User.LastRequest;

        Assert.True(await transaction.RespondAsync(486));
        Assert.False(await transaction.RespondAsync(200));
        Assert.False(await transaction.RespondAsync(180));

        Assert.True(transaction.HasFinalResponse);
        Assert.Single(harness.Responses(486));
        Assert.Empty(harness.Responses(200));
    }

    [Fact]
    public async Task Responses_carry_one_To_tag_per_transaction()
    {
        await using var harness = await TransactionHarness.StartAsync();
        await harness.DeliverAsync(TestMessages.Invite());
        var transaction = harness.User.LastRequest;

        await transaction.RespondAsync(180);
        await transaction.RespondAsync(486);

        var tags = harness.Transport.Sent.Select(sent => ((SipResponse)sent.Parsed()).To.Tag).ToList();
        Assert.Equal([transaction.LocalTag, transaction.LocalTag], tags);
    }

    [Fact]
    public async Task A_response_to_another_request_is_rejected()
    {
        await using var harness = await TransactionHarness.StartAsync();
        await harness.DeliverAsync(TestMessages.Invite());
        await harness.DeliverAsync(TestMessages.Request("BYE", branch: "z9hG4bK-bye", cseq: 2));
        var invite = harness.User.Requests.First();
        var bye = harness.User.LastRequest;

        await Assert.ThrowsAsync<ArgumentException>(() => invite.RespondAsync(bye.CreateResponse(200)).AsTask());
    }

    [Fact]
    public async Task Accepted_transaction_without_its_invite_still_absorbs_retransmissions_and_passes_acks_and_cancels()
    {
        await using var harness = await TransactionHarness.StartAsync();
        await harness.DeliverAsync(TestMessages.Invite());
        var transaction = (ServerInviteTransaction)harness.User.LastRequest;
        var ok = transaction.CreateResponse(200);
        Assert.True(await transaction.RespondAsync(ok));

        // RFC 6026 §7.1: Accepted resends nothing itself, so it keeps neither the INVITE nor the 2xx.
        Assert.Throws<InvalidOperationException>(() => transaction.Request);
        Assert.Null(transaction.LastResponse);

        await harness.DeliverAsync(TestMessages.Invite());
        Assert.Single(harness.Responses(200));
        Assert.Single(harness.User.Requests);
        Assert.Equal(1, harness.Counters.RequestsAbsorbed);

        // The TU still retransmits its 2xx through the transaction; a response to something else is still refused.
        harness.RunSeconds(0.5);
        Assert.True(await transaction.RespondAsync(ok));
        Assert.Equal(2, harness.Responses(200).Count);
        await Assert.ThrowsAsync<ArgumentException>(() => transaction.RespondAsync(new SipResponse(200, headers: WithCSeq(ok, "1 BYE"))).AsTask());

        // A late CANCEL gets a 200 with the INVITE's To tag (§9.2) and cancels nothing.
        await harness.DeliverAsync(TestMessages.Cancel());
        var cancelled = Assert.Single(harness.Transport.Sent, sent => sent.Message is SipResponse { StatusCode: 200, CSeq.Method.Name: "CANCEL" });
        Assert.Equal(transaction.LocalTag, ((SipResponse)cancelled.Parsed()).To.Tag);
        Assert.Empty(harness.User.Cancels);

        await harness.DeliverAsync(TestMessages.AckForSuccess(transaction.LocalTag));
        Assert.Single(harness.User.Acks);
        Assert.Equal(ServerInviteState.Accepted, transaction.State);

        harness.RunSeconds(32);
        Assert.Equal(ServerInviteState.Terminated, transaction.State);
        Assert.Equal(TransactionOutcome.Finished, await transaction.Completion);
    }

    [Fact]
    public async Task Completed_transaction_without_its_invite_resends_the_same_final_response_and_matches_the_ack()
    {
        await using var harness = await TransactionHarness.StartAsync();
        await harness.DeliverAsync(TestMessages.Invite());
        var transaction = (ServerInviteTransaction)harness.User.LastRequest;
        Assert.True(await transaction.RespondAsync(486));
        Assert.Throws<InvalidOperationException>(() => transaction.Request);

        await harness.DeliverAsync(TestMessages.Invite());
        var refusals = harness.Responses(486);
        Assert.Equal(2, refusals.Count);
        Assert.Equal(refusals[0].Text, refusals[1].Text);

        await harness.DeliverAsync(TestMessages.AckForNonSuccess(transaction.LocalTag));
        Assert.Equal(ServerInviteState.Confirmed, transaction.State);
        Assert.Empty(harness.User.Acks);
        Assert.Null(transaction.LastResponse);
    }

    [Fact]
    public async Task Rfc2543_ack_matches_an_accepted_transaction_by_the_tag_of_its_2xx()
    {
        await using var harness = await TransactionHarness.StartAsync();
        await harness.DeliverAsync(TestMessages.Request("INVITE", branch: ""));
        var transaction = (ServerInviteTransaction)harness.User.LastRequest;
        Assert.True(await transaction.RespondAsync(200));

        // §17.2.3: without a magic cookie the ACK matches by the To tag of the response, kept after the INVITE went.
        await harness.DeliverAsync(TestMessages.Request("ACK", branch: "", toTag: transaction.LocalTag, cseqMethod: "ACK"));
        await harness.DeliverAsync(TestMessages.Request("INVITE", branch: ""));

        Assert.Single(harness.User.Acks);
        Assert.Single(harness.User.Requests);
        Assert.Single(harness.Responses(200));
    }

    private static SipHeaders WithCSeq(SipResponse response, string cseq)
    {
        var headers = response.Headers.Clone();
        headers.Set(SipHeaderNames.CSeq, cseq);
        return headers;
    }

    private static ValueTask Ignore(ValueTask<bool> sent) => sent.IsCompletedSuccessfully ? ValueTask.CompletedTask : new ValueTask(sent.AsTask());
}
