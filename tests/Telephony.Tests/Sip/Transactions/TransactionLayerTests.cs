using System.Globalization;
using System.Net;
using CallMyWay.Voice.Telephony.Sip.Messages;
using CallMyWay.Voice.Telephony.Sip.Transactions;
using CallMyWay.Voice.Telephony.Sip.Transport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CallMyWay.Voice.Telephony.Tests.Sip.Transactions;

public sealed class TransactionLayerTests
{
    private static readonly SipEndPoint Trunk = new(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("203.0.113.5"), 5060));

    [Fact]
    public async Task Responses_are_matched_by_branch_and_method()
    {
        await using var harness = await TransactionHarness.StartAsync();
        var first = await harness.Layer.SendRequestAsync(ClientInviteTransactionTests.NewInvite(), Trunk);
        var second = await harness.Layer.SendRequestAsync(ClientInviteTransactionTests.NewInvite(), Trunk);
        var sentSecond = (SipRequest)harness.Requests(SipMethod.Invite)[1].Parsed();

        await harness.DeliverAsync(TestMessages.ResponseTo(sentSecond, 180), Trunk);

        // The same branch under another CSeq method belongs to no transaction.
        var response = SipResponseFactory.CreateResponse(sentSecond, 200, toTag: "x");
        response.CSeq = new CSeq(sentSecond.CSeq.Number, SipMethod.Bye);
        await harness.DeliverAsync(response.ToString(), Trunk);

        Assert.Equal(ClientInviteState.Calling, ((ClientInviteTransaction)first).State);
        Assert.Equal(ClientInviteState.Proceeding, ((ClientInviteTransaction)second).State);
        Assert.Equal(1, harness.Counters.StrayResponsesDropped);
    }

    [Fact]
    public async Task Stray_responses_are_dropped_and_counted()
    {
        await using var harness = await TransactionHarness.StartAsync();
        var request = (SipRequest)SipParserHelper(TestMessages.Request("OPTIONS", branch: "z9hG4bK-nobody"));

        await harness.DeliverAsync(TestMessages.ResponseTo(request, 200), Trunk);
        await harness.DeliverAsync(TestMessages.ResponseTo(request, 180), Trunk);

        Assert.Equal(2, harness.Counters.StrayResponsesDropped);
        Assert.Empty(harness.User.StraySuccesses);
        Assert.Empty(harness.Transport.Sent);
    }

    [Fact]
    public async Task A_stray_2xx_to_an_invite_goes_to_the_TU()
    {
        await using var harness = await TransactionHarness.StartAsync();
        var invite = (SipRequest)SipParserHelper(TestMessages.Invite(branch: "z9hG4bK-gone"));

        await harness.DeliverAsync(TestMessages.ResponseTo(invite, 200), Trunk);
        await harness.DeliverAsync(TestMessages.ResponseTo(invite, 486), Trunk);

        Assert.Equal(200, Assert.Single(harness.User.StraySuccesses).StatusCode);
        Assert.Equal(1, harness.Counters.StraySuccessResponsesPassed);
        Assert.Equal(1, harness.Counters.StrayResponsesDropped);
    }

    [Fact]
    public async Task Max_forwards_zero_is_answered_483_without_the_TU()
    {
        await using var harness = await TransactionHarness.StartAsync();

        await harness.DeliverAsync(TestMessages.Request("INVITE", maxForwards: 0));
        await harness.DeliverAsync(TestMessages.Request("INVITE", maxForwards: 0));

        Assert.Empty(harness.User.Requests);
        Assert.Equal(2, harness.Responses(483).Count);
        Assert.Equal(1, harness.Counters.TooManyHops);
    }

    [Fact]
    public async Task Options_with_max_forwards_zero_still_reaches_the_TU()
    {
        await using var harness = await TransactionHarness.StartAsync();

        await harness.DeliverAsync(TestMessages.Request("OPTIONS", maxForwards: 0));

        Assert.Single(harness.User.Requests);
        Assert.Empty(harness.Responses(483));
    }

    [Fact]
    public async Task A_TU_that_throws_gets_its_request_answered_500()
    {
        await using var harness = await TransactionHarness.StartAsync();
        harness.User.OnRequest = _ => throw new InvalidOperationException("bug in the TU");

        await harness.DeliverAsync(TestMessages.Request("INFO"));

        Assert.Single(harness.Responses(500));
        Assert.Equal(1, harness.Counters.UserFailures);
    }

    [Fact]
    public async Task A_TU_that_throws_after_answering_is_only_counted()
    {
        await using var harness = await TransactionHarness.StartAsync();
        harness.User.OnRequest = async transaction =>
        {
            await transaction.RespondAsync(404);
            throw new InvalidOperationException("bug in the TU");
        };

        await harness.DeliverAsync(TestMessages.Invite());

        Assert.Single(harness.Responses(404));
        Assert.Empty(harness.Responses(500));
        Assert.Equal(1, harness.Counters.UserFailures);
    }

    [Fact]
    public async Task Rfc_2543_requests_without_branch_are_matched_for_retransmissions_acks_and_cancels()
    {
        await using var harness = await TransactionHarness.StartAsync();
        await harness.DeliverAsync(TestMessages.Request("INVITE", branch: ""));
        var invite = (ServerInviteTransaction)harness.User.LastRequest;
        Assert.Null(invite.Branch);

        await harness.DeliverAsync(TestMessages.Request("INVITE", branch: ""));
        Assert.Single(harness.User.Requests);

        await harness.DeliverAsync(TestMessages.Request("CANCEL", branch: ""));
        Assert.Single(harness.Responses(200));
        Assert.Single(harness.User.Cancels);

        await invite.RespondAsync(487);
        await harness.DeliverAsync(TestMessages.Request("ACK", branch: "", toTag: invite.LocalTag, cseqMethod: "ACK"));

        Assert.Equal(ServerInviteState.Confirmed, invite.State);
        Assert.Empty(harness.User.Acks);
    }

    [Fact]
    public async Task Rfc_2543_ack_with_a_foreign_to_tag_is_not_absorbed()
    {
        await using var harness = await TransactionHarness.StartAsync();
        await harness.DeliverAsync(TestMessages.Request("INVITE", branch: ""));
        var invite = (ServerInviteTransaction)harness.User.LastRequest;
        await invite.RespondAsync(486);

        await harness.DeliverAsync(TestMessages.Request("ACK", branch: "", toTag: "someone-else"));

        Assert.Equal(ServerInviteState.Completed, invite.State);
        Assert.Single(harness.User.Acks);
    }

    [Fact]
    public async Task Response_destination_comes_from_the_options_hook()
    {
        var elsewhere = new SipEndPoint(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("192.0.2.10"), 5080));
        var options = new TransactionLayerOptions { ResponseDestination = (request, source) => elsewhere };
        await using var harness = await TransactionHarness.StartAsync(options);
        harness.User.OnRequest = transaction => new ValueTask(transaction.RespondAsync(200).AsTask());

        await harness.DeliverAsync(TestMessages.Request("OPTIONS"));

        Assert.Equal(elsewhere, Assert.Single(harness.Responses(200)).Destination);
    }

    [Fact]
    public async Task Ack_and_cancel_cannot_start_a_client_transaction()
    {
        await using var harness = await TransactionHarness.StartAsync();
        var ack = new SipRequest(SipMethod.Ack, SipUri.Parse("sip:bob@example.com"));
        var cancel = new SipRequest(SipMethod.Cancel, SipUri.Parse("sip:bob@example.com"));

        await Assert.ThrowsAsync<ArgumentException>(() => harness.Layer.SendRequestAsync(ack, Trunk).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => harness.Layer.SendRequestAsync(cancel, Trunk).AsTask());
    }

    [Fact]
    public async Task Ack_for_2xx_gets_a_via_once_and_keeps_it_when_resent()
    {
        await using var harness = await TransactionHarness.StartAsync();
        var ack = new SipRequest(SipMethod.Ack, SipUri.Parse("sip:+13056445535@203.0.113.5"));
        ack.Headers.Add(SipHeaderNames.From, "<sip:ivr@10.0.0.1>;tag=ivr-1");
        ack.Headers.Add(SipHeaderNames.To, "<sip:+13056445535@203.0.113.5>;tag=peer");
        ack.Headers.Add(SipHeaderNames.CallId, "callback-1@10.0.0.1");
        ack.Headers.Add(SipHeaderNames.CSeq, "1 ACK");

        await harness.Layer.SendAckAsync(ack, Trunk);
        await harness.Layer.SendAckAsync(ack, Trunk);

        var sent = harness.Requests(SipMethod.Ack);
        Assert.Equal(2, sent.Count);
        var via = Assert.Single(sent[0].Parsed().Vias);
        Assert.True(via.HasMagicCookie);
        Assert.Equal(via.Branch, Assert.Single(sent[1].Parsed().Vias).Branch);
        Assert.Equal(0, harness.Counters.ActiveClientTransactions);
    }

    [Fact]
    public async Task Stopping_the_layer_aborts_running_transactions()
    {
        var harness = await TransactionHarness.StartAsync();
        var client = await harness.Layer.SendRequestAsync(ClientInviteTransactionTests.NewInvite(), Trunk);
        await harness.DeliverAsync(TestMessages.Invite());
        var server = harness.User.LastRequest;

        await harness.DisposeAsync();

        Assert.Equal(TransactionOutcome.Aborted, await client.Completion);
        Assert.Equal(TransactionOutcome.Aborted, await server.Completion);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.FinalResponse);
        Assert.Equal(0, harness.Counters.ActiveClientTransactions);
        Assert.Equal(0, harness.Counters.ActiveServerTransactions);
    }

    [Fact]
    public void Invalid_timers_are_refused_at_construction()
    {
        var time = new FakeTimeProvider();
        var options = new TransactionLayerOptions { Timers = new SipTimers { T1 = TimeSpan.Zero } };

        var error = Assert.Throws<ArgumentException>(() => new TransactionLayer(new FakeSipTransport(time), time, NullLogger<TransactionLayer>.Instance, options));

        Assert.Contains("T1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_thousand_concurrent_transactions_all_terminate_and_leave_the_layer()
    {
        await using var harness = await TransactionHarness.StartAsync();
        harness.User.OnRequest = transaction =>
        {
            // Half accept, half refuse; INVITEs and BYEs alike.
            var code = transaction.Request.CSeq.Number % 2 == 0 ? 200 : 486;
            return new ValueTask(transaction.RespondAsync(code).AsTask());
        };

        await Parallel.ForAsync(0, 1000, async (i, _) =>
        {
            var method = i % 4 == 0 ? "BYE" : "INVITE";
            var text = TestMessages.Request(method, branch: $"z9hG4bK-{i}", callId: $"c{i}@192.0.2.10", cseq: (uint)i);
            await harness.DeliverAsync(text);
            await harness.DeliverAsync(text);
        });

        await Parallel.ForAsync(0, 1000, async (i, _) =>
        {
            var destination = new SipEndPoint(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("203.0.113.5"), 5060));
            var invite = ClientInviteTransactionTests.NewInvite();
            invite.CallId = "out-" + i.ToString(CultureInfo.InvariantCulture);
            await harness.Layer.SendRequestAsync(invite, destination);
        });

        Assert.Equal(1000, harness.User.Requests.Count);
        Assert.Equal(1000, harness.Counters.ActiveServerTransactions);
        Assert.Equal(1000, harness.Counters.ActiveClientTransactions);
        Assert.Equal(1000, harness.Counters.RequestsAbsorbed);

        // The peer answers half the outgoing INVITEs and ACKs the refused incoming ones.
        var outgoing = harness.Requests(SipMethod.Invite).Where(sent => sent.Destination == Trunk).DistinctBy(sent => sent.Message).ToList();
        await Parallel.ForEachAsync(outgoing.Take(500), async (sent, _) => await harness.DeliverAsync(TestMessages.ResponseTo(sent, 404), Trunk));
        // A refused INVITE keeps its 486 to resend (RFC 3261 §17.2.1) but no longer its request.
        var refused = harness.User.Requests.OfType<ServerInviteTransaction>().Select(t => (Transaction: t, Refusal: t.LastResponse)).Where(r => r.Refusal?.StatusCode == 486);
        await Parallel.ForEachAsync(refused, async (r, _) =>
            await harness.DeliverAsync(TestMessages.Request("ACK", branch: r.Transaction.Branch!, callId: r.Refusal!.CallId, toTag: r.Transaction.LocalTag, cseq: r.Refusal.CSeq.Number)));

        harness.RunSeconds(40);

        Assert.Equal(0, harness.Counters.ActiveServerTransactions);
        Assert.Equal(0, harness.Counters.ActiveClientTransactions);
        Assert.All(harness.User.Requests, transaction => Assert.True(transaction.Completion.IsCompleted));
        Assert.Equal(0, harness.Layer.Scheduler.Count);
        Assert.Equal(0, harness.Layer.Scheduler.Failures);
        Assert.Equal(500, harness.Counters.Timeouts);
    }

    private static SipMessage SipParserHelper(string text) =>
        SipParser.TryParse(System.Text.Encoding.UTF8.GetBytes(text), out var message, out var error)
            ? message
            : throw new InvalidOperationException(error.Reason);
}
