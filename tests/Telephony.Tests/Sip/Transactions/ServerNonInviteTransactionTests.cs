using CallMyWay.Voice.Telephony.Sip.Messages;
using CallMyWay.Voice.Telephony.Sip.Transactions;
using CallMyWay.Voice.Telephony.Sip.Transport;

namespace CallMyWay.Voice.Telephony.Tests.Sip.Transactions;

public sealed class ServerNonInviteTransactionTests
{
    [Fact]
    public async Task Retransmission_while_trying_is_absorbed_silently()
    {
        await using var harness = await TransactionHarness.StartAsync();
        await harness.DeliverAsync(TestMessages.Request("OPTIONS"));

        await harness.DeliverAsync(TestMessages.Request("OPTIONS"));
        harness.RunSeconds(1);

        var transaction = Assert.IsType<ServerNonInviteTransaction>(Assert.Single(harness.User.Requests));
        Assert.Equal(ServerNonInviteState.Trying, transaction.State);
        Assert.Empty(harness.Transport.Sent);
        Assert.Equal(1, harness.Counters.RequestsAbsorbed);
    }

    [Fact]
    public async Task Retransmission_while_proceeding_gets_the_provisional_response()
    {
        await using var harness = await TransactionHarness.StartAsync();
        await harness.DeliverAsync(TestMessages.Request("MESSAGE"));
        var transaction = (ServerNonInviteTransaction)harness.User.LastRequest;
        await transaction.RespondAsync(182);

        await harness.DeliverAsync(TestMessages.Request("MESSAGE"));

        Assert.Equal(ServerNonInviteState.Proceeding, transaction.State);
        Assert.Equal(2, harness.Responses(182).Count);
    }

    [Fact]
    public async Task Retransmission_while_completed_gets_the_final_response_until_timer_J()
    {
        await using var harness = await TransactionHarness.StartAsync();
        harness.User.OnRequest = transaction => new ValueTask(transaction.RespondAsync(200).AsTask());
        await harness.DeliverAsync(TestMessages.Request("OPTIONS"));
        var transaction = (ServerNonInviteTransaction)harness.User.LastRequest;

        harness.RunSeconds(16);
        await harness.DeliverAsync(TestMessages.Request("OPTIONS"));
        harness.RunSeconds(15.9);

        Assert.Equal(ServerNonInviteState.Completed, transaction.State);
        Assert.Equal([0, 16], harness.SendTimes(sent => sent.IsResponse(200)));
        Assert.Single(harness.User.Requests);

        // Timer J: 64×T1 after the final response.
        harness.RunSeconds(0.1);
        Assert.Equal(ServerNonInviteState.Terminated, transaction.State);
        Assert.Equal(TransactionOutcome.Finished, await transaction.Completion);
        Assert.Equal(0, harness.Counters.ActiveServerTransactions);
    }

    [Fact]
    public async Task Over_TCP_the_final_response_ends_the_transaction_at_once()
    {
        await using var harness = await TransactionHarness.StartAsync();
        await harness.DeliverAsync(TestMessages.Request("BYE", transport: "TCP"), TransactionHarness.TcpPeer);
        var transaction = (ServerNonInviteTransaction)harness.User.LastRequest;

        await transaction.RespondAsync(200);

        Assert.Equal(ServerNonInviteState.Terminated, transaction.State);
        Assert.Equal(TransactionHarness.TcpPeer, Assert.Single(harness.Responses(200)).Destination);
        Assert.Equal(0, harness.Counters.ActiveServerTransactions);
    }

    [Fact]
    public async Task A_failed_send_ends_the_transaction_and_throws_to_the_TU()
    {
        await using var harness = await TransactionHarness.StartAsync();
        harness.Transport.FailWhen = message => message is SipResponse;
        await harness.DeliverAsync(TestMessages.Request("OPTIONS"));
        var transaction = harness.User.LastRequest;

        await Assert.ThrowsAsync<SipTransportException>(() => transaction.RespondAsync(200).AsTask());

        Assert.Equal(TransactionOutcome.TransportFailed, await transaction.Completion);
    }

    [Fact]
    public async Task Methods_differing_only_in_method_are_different_transactions()
    {
        await using var harness = await TransactionHarness.StartAsync();

        // RFC 3261 §17.2.3: the method is part of the match (a broken peer reusing a branch still gets two transactions).
        await harness.DeliverAsync(TestMessages.Request("OPTIONS", branch: "z9hG4bK-same"));
        await harness.DeliverAsync(TestMessages.Request("INFO", branch: "z9hG4bK-same"));

        Assert.Equal(2, harness.User.Requests.Count);
        Assert.Equal(2, harness.Counters.ActiveServerTransactions);
    }

    [Fact]
    public async Task Same_branch_from_another_sent_by_is_another_transaction()
    {
        await using var harness = await TransactionHarness.StartAsync();

        await harness.DeliverAsync(TestMessages.Request("OPTIONS", branch: "z9hG4bK-same"));
        await harness.DeliverAsync(TestMessages.Request("OPTIONS", branch: "z9hG4bK-same", sentBy: "192.0.2.99:5060"));

        Assert.Equal(2, harness.User.Requests.Count);
        Assert.All(harness.User.Requests, transaction => Assert.Equal(SipMethod.Options, transaction.Request.Method));
    }

    [Fact]
    public async Task Completed_transaction_lets_go_of_its_request_and_answers_a_late_retransmission_with_the_same_bytes()
    {
        await using var harness = await TransactionHarness.StartAsync();
        harness.User.OnRequest = transaction => new ValueTask(transaction.RespondAsync(200).AsTask());
        await harness.DeliverAsync(TestMessages.Request("BYE", toTag: "ours", cseq: 2));
        var transaction = (ServerNonInviteTransaction)harness.User.LastRequest;

        // RFC 3261 §17.2.2: Completed only answers retransmissions, for which the final response is enough.
        Assert.Throws<InvalidOperationException>(() => transaction.Request);
        Assert.False(await transaction.RespondAsync(500));

        harness.RunSeconds(30);
        await harness.DeliverAsync(TestMessages.Request("BYE", toTag: "ours", cseq: 2));

        Assert.Equal(ServerNonInviteState.Completed, transaction.State);
        Assert.Single(harness.User.Requests);
        var answers = harness.Responses(200);
        Assert.Equal(2, answers.Count);
        Assert.Equal(answers[0].Text, answers[1].Text);
        Assert.Equal([0, 30], harness.SendTimes(sent => sent.IsResponse(200)));
    }
}
