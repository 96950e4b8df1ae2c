using System.Net;
using CallMyWay.Voice.Telephony.Sip.Messages;
using CallMyWay.Voice.Telephony.Sip.Transactions;
using CallMyWay.Voice.Telephony.Sip.Transport;

namespace CallMyWay.Voice.Telephony.Tests.Sip.Transactions;

public sealed class ClientInviteTransactionTests
{
    private static readonly SipEndPoint Trunk = new(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("203.0.113.5"), 5060));
    private static readonly SipEndPoint TcpTrunk = new(SipTransportKind.Tcp, new IPEndPoint(IPAddress.Parse("203.0.113.5"), 5060));

    [Fact]
    public async Task The_layer_adds_its_own_via_with_a_new_branch_and_rport()
    {
        await using var harness = await TransactionHarness.StartAsync();
        var invite = NewInvite();
        invite.Headers.Add(SipHeaderNames.Via, "SIP/2.0/UDP stale.example.com;branch=z9hG4bKold");

        var transaction = await harness.Layer.SendInviteAsync(invite, Trunk);

        var sent = Assert.Single(harness.Requests(SipMethod.Invite));
        Assert.Equal(Trunk, sent.Destination);
        var via = Assert.Single(sent.Parsed().Vias);
        Assert.Equal("UDP", via.Transport);
        Assert.Equal("10.0.0.1", via.Host);
        Assert.Equal(5060, via.Port);
        Assert.True(via.HasMagicCookie);
        Assert.True(via.HasRPort);
        Assert.NotEqual("z9hG4bKold", via.Branch);
        Assert.Equal(via.Branch, transaction.Branch);
        Assert.Equal(70, sent.Parsed().MaxForwards);
        Assert.Equal(ClientInviteState.Calling, transaction.State);
    }

    [Fact]
    public async Task Sent_by_host_comes_from_the_options_hook()
    {
        var options = new TransactionLayerOptions { SentByHost = destination => "198.51.100.7" };
        await using var harness = await TransactionHarness.StartAsync(options);

        await harness.Layer.SendInviteAsync(NewInvite(), TcpTrunk);

        var via = harness.Requests(SipMethod.Invite)[0].Parsed().Vias[0];
        Assert.Equal("198.51.100.7", via.Host);
        Assert.Equal("TCP", via.Transport);
    }

    [Fact]
    public async Task Timer_A_retransmits_with_doubling_intervals_and_timer_B_reports_408()
    {
        await using var harness = await TransactionHarness.StartAsync();
        var transaction = await harness.Layer.SendInviteAsync(NewInvite(), Trunk);

        harness.RunSeconds(31.9);
        Assert.False(transaction.FinalResponse.IsCompleted);
        harness.RunSeconds(0.1);

        // Intervals 0.5, 1, 2, 4, 8, 16 s (RFC 3261 §17.1.1.2); Timer B at 64×T1 = 32 s.
        Assert.Equal([0, 0.5, 1.5, 3.5, 7.5, 15.5, 31.5], harness.SendTimes(sent => sent.IsRequest(SipMethod.Invite)));
        var timeout = await transaction.FinalResponse;
        Assert.Equal(408, timeout.StatusCode);
        Assert.Equal(TransactionOutcome.TimedOut, await transaction.Completion);
        Assert.Equal(0, harness.Counters.ActiveClientTransactions);
        Assert.Equal(6, harness.Counters.RetransmissionsSent);
        Assert.Equal(408, Assert.Single(await ReadAllAsync(transaction)).StatusCode);
    }

    [Fact]
    public async Task A_provisional_response_stops_retransmissions_and_timer_B()
    {
        await using var harness = await TransactionHarness.StartAsync();
        var transaction = await harness.Layer.SendInviteAsync(NewInvite(), Trunk);
        harness.RunSeconds(1);

        await harness.DeliverAsync(TestMessages.ResponseTo(harness.Requests(SipMethod.Invite)[0], 180), Trunk);
        harness.RunSeconds(60);

        Assert.Equal(ClientInviteState.Proceeding, transaction.State);
        Assert.Equal([0, 0.5], harness.SendTimes(sent => sent.IsRequest(SipMethod.Invite)));
        Assert.False(transaction.FinalResponse.IsCompleted);
        Assert.True(transaction.Responses.TryRead(out var ringing));
        Assert.Equal(180, ringing.StatusCode);
    }

    [Fact]
    public async Task A_non_2xx_is_acknowledged_by_the_transaction_with_the_same_branch()
    {
        await using var harness = await TransactionHarness.StartAsync();
        var invite = NewInvite();
        invite.Headers.Add(SipHeaderNames.Route, "<sip:proxy.example.com;lr>");
        var transaction = await harness.Layer.SendInviteAsync(invite, Trunk);
        var sentInvite = (SipRequest)harness.Requests(SipMethod.Invite)[0].Parsed();

        await harness.DeliverAsync(TestMessages.ResponseTo(sentInvite, 100), Trunk);
        await harness.DeliverAsync(TestMessages.ResponseTo(sentInvite, 486, toTag: "busy-tag"), Trunk);

        Assert.Equal(486, (await transaction.FinalResponse).StatusCode);
        Assert.Equal(ClientInviteState.Completed, transaction.State);
        var sentAck = Assert.Single(harness.Requests(SipMethod.Ack));
        Assert.Equal(Trunk, sentAck.Destination);
        var ack = (SipRequest)sentAck.Parsed();

        // RFC 3261 §17.1.1.3.
        Assert.Equal(sentInvite.RequestUri, ack.RequestUri);
        Assert.Equal(sentInvite.CallId, ack.CallId);
        Assert.Equal(sentInvite.Headers.GetFirst(SipHeaderNames.From), ack.Headers.GetFirst(SipHeaderNames.From));
        Assert.Equal("busy-tag", ack.To.Tag);
        Assert.Equal(sentInvite.To.Uri, ack.To.Uri);
        Assert.Equal(new CSeq(sentInvite.CSeq.Number, SipMethod.Ack), ack.CSeq);
        Assert.Equal(sentInvite.Vias[0].ToString(), Assert.Single(ack.Vias).ToString());
        Assert.Equal(["<sip:proxy.example.com;lr>"], ack.Headers.GetAll(SipHeaderNames.Route));
        Assert.Equal(70, ack.MaxForwards);
        Assert.Same(transaction.Ack, sentAck.Message);
    }

    [Fact]
    public async Task A_retransmitted_non_2xx_is_acknowledged_again_but_not_passed_up()
    {
        await using var harness = await TransactionHarness.StartAsync();
        var transaction = await harness.Layer.SendInviteAsync(NewInvite(), Trunk);
        var busy = TestMessages.ResponseTo(harness.Requests(SipMethod.Invite)[0], 486);

        await harness.DeliverAsync(busy, Trunk);
        await harness.DeliverAsync(busy, Trunk);
        await harness.DeliverAsync(busy, Trunk);

        var acks = harness.Requests(SipMethod.Ack);
        Assert.Equal(3, acks.Count);
        Assert.All(acks, ack => Assert.Same(acks[0].Message, ack.Message));
        Assert.Equal(2, harness.Counters.ResponsesAbsorbed);
        Assert.Equal(2, harness.Counters.RetransmissionsSent);

        harness.RunSeconds(32);
        Assert.Equal([486], (await ReadAllAsync(transaction)).Select(response => response.StatusCode));
    }

    [Fact]
    public async Task Timer_D_ends_the_completed_transaction_after_32_seconds()
    {
        await using var harness = await TransactionHarness.StartAsync();
        var transaction = await harness.Layer.SendInviteAsync(NewInvite(), Trunk);
        await harness.DeliverAsync(TestMessages.ResponseTo(harness.Requests(SipMethod.Invite)[0], 503), Trunk);

        harness.RunSeconds(31.9);
        Assert.Equal(ClientInviteState.Completed, transaction.State);
        harness.RunSeconds(0.1);

        Assert.Equal(ClientInviteState.Terminated, transaction.State);
        Assert.Equal(TransactionOutcome.Finished, await transaction.Completion);
        Assert.Equal(0, harness.Counters.ActiveClientTransactions);
    }

    [Fact]
    public async Task In_accepted_every_2xx_goes_to_the_TU_and_nothing_is_acknowledged()
    {
        await using var harness = await TransactionHarness.StartAsync();
        var transaction = await harness.Layer.SendInviteAsync(NewInvite(), Trunk);
        var sentInvite = harness.Requests(SipMethod.Invite)[0];

        await harness.DeliverAsync(TestMessages.ResponseTo(sentInvite, 200, toTag: "fork-a"), Trunk);
        await harness.DeliverAsync(TestMessages.ResponseTo(sentInvite, 200, toTag: "fork-a"), Trunk);
        await harness.DeliverAsync(TestMessages.ResponseTo(sentInvite, 200, toTag: "fork-b"), Trunk);
        await harness.DeliverAsync(TestMessages.ResponseTo(sentInvite, 486, toTag: "fork-c"), Trunk);

        Assert.Equal(ClientInviteState.Accepted, transaction.State);
        Assert.Equal("fork-a", (await transaction.FinalResponse).To.Tag);
        Assert.Empty(harness.Requests(SipMethod.Ack));

        // Timer M: 64×T1.
        harness.RunSeconds(32);
        Assert.Equal(TransactionOutcome.Finished, await transaction.Completion);
        Assert.Equal(["fork-a", "fork-a", "fork-b"], (await ReadAllAsync(transaction)).Select(response => response.To.Tag));
    }

    [Fact]
    public async Task Over_TCP_the_invite_is_not_retransmitted_and_the_ACK_ends_the_transaction()
    {
        await using var harness = await TransactionHarness.StartAsync();
        var transaction = await harness.Layer.SendInviteAsync(NewInvite(), TcpTrunk);

        harness.RunSeconds(10);
        Assert.Single(harness.Requests(SipMethod.Invite));

        await harness.DeliverAsync(TestMessages.ResponseTo(harness.Requests(SipMethod.Invite)[0], 404), TcpTrunk);

        Assert.Single(harness.Requests(SipMethod.Ack));
        Assert.Equal(ClientInviteState.Terminated, transaction.State);
        Assert.Equal(404, (await transaction.FinalResponse).StatusCode);
    }

    [Fact]
    public async Task A_transport_error_on_the_invite_reaches_the_TU_as_503()
    {
        await using var harness = await TransactionHarness.StartAsync();
        harness.Transport.FailWhen = message => message is SipRequest;

        var transaction = await harness.Layer.SendInviteAsync(NewInvite(), TcpTrunk);

        Assert.Equal(503, (await transaction.FinalResponse).StatusCode);
        Assert.Equal(TransactionOutcome.TransportFailed, await transaction.Completion);
        Assert.Equal(0, harness.Counters.ActiveClientTransactions);
    }

    [Fact]
    public async Task A_transport_error_on_a_retransmission_ends_the_transaction()
    {
        await using var harness = await TransactionHarness.StartAsync();
        var transaction = await harness.Layer.SendInviteAsync(NewInvite(), Trunk);
        harness.Transport.FailWhen = message => message is SipRequest;

        harness.RunSeconds(0.5);

        Assert.Equal(503, (await transaction.FinalResponse).StatusCode);
        Assert.Equal(TransactionOutcome.TransportFailed, await transaction.Completion);
    }

    internal static SipRequest NewInvite(string requestUri = "sip:+13056445535@203.0.113.5")
    {
        var invite = new SipRequest(SipMethod.Invite, SipUri.Parse(requestUri));
        invite.Headers.Add(SipHeaderNames.From, "<sip:ivr@10.0.0.1>;tag=ivr-1");
        invite.Headers.Add(SipHeaderNames.To, $"<{requestUri}>");
        invite.Headers.Add(SipHeaderNames.CallId, "callback-1@10.0.0.1");
        invite.Headers.Add(SipHeaderNames.CSeq, "1 INVITE");
        invite.Headers.Add(SipHeaderNames.Contact, "<sip:ivr@10.0.0.1:5060>");
        return invite;
    }

    internal static async Task<List<SipResponse>> ReadAllAsync(ClientTransaction transaction)
    {
        var responses = new List<SipResponse>();
        await foreach (var response in transaction.Responses.ReadAllAsync())
        {
            responses.Add(response);
        }

        return responses;
    }
}
