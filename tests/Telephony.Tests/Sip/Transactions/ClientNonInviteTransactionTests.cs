using System.Net;
using CallMyWay.Voice.Telephony.Sip.Messages;
using CallMyWay.Voice.Telephony.Sip.Transactions;
using CallMyWay.Voice.Telephony.Sip.Transport;

namespace CallMyWay.Voice.Telephony.Tests.Sip.Transactions;

public sealed class ClientNonInviteTransactionTests
{
    private static readonly SipEndPoint Phone = new(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("192.0.2.20"), 5062));

    [Fact]
    public async Task Timer_E_doubles_up_to_T2_and_timer_F_reports_408()
    {
        await using var harness = await TransactionHarness.StartAsync();
        var transaction = await harness.Layer.SendRequestAsync(NewOptions(), Phone);

        harness.RunSeconds(31.9);
        Assert.False(transaction.FinalResponse.IsCompleted);
        harness.RunSeconds(0.1);

        // Intervals 0.5, 1, 2, then T2 = 4 s (RFC 3261 §17.1.2.2); Timer F at 64×T1.
        Assert.Equal(
            [0, 0.5, 1.5, 3.5, 7.5, 11.5, 15.5, 19.5, 23.5, 27.5, 31.5],
            harness.SendTimes(sent => sent.IsRequest(SipMethod.Options)));
        Assert.All(harness.Transport.Sent, sent => Assert.Equal(Phone, sent.Destination));
        Assert.Equal(408, (await transaction.FinalResponse).StatusCode);
        Assert.Equal(TransactionOutcome.TimedOut, await transaction.Completion);
        Assert.Equal(0, harness.Counters.ActiveClientTransactions);
    }

    [Fact]
    public async Task In_proceeding_the_request_is_retransmitted_every_T2()
    {
        await using var harness = await TransactionHarness.StartAsync();
        var transaction = (ClientNonInviteTransaction)await harness.Layer.SendRequestAsync(NewOptions(), Phone);
        harness.RunSeconds(1);

        await harness.DeliverAsync(TestMessages.ResponseTo(harness.Requests(SipMethod.Options)[0], 100), Phone);
        harness.RunSeconds(31);

        Assert.Equal(ClientNonInviteState.Terminated, transaction.State);
        Assert.Equal(
            [0, 0.5, 1.5, 5.5, 9.5, 13.5, 17.5, 21.5, 25.5, 29.5],
            harness.SendTimes(sent => sent.IsRequest(SipMethod.Options)));
        Assert.Equal([100, 408], (await ClientInviteTransactionTests.ReadAllAsync(transaction)).Select(response => response.StatusCode));
    }

    [Fact]
    public async Task The_final_response_completes_the_transaction_and_timer_K_ends_it()
    {
        await using var harness = await TransactionHarness.StartAsync();
        var transaction = (ClientNonInviteTransaction)await harness.Layer.SendRequestAsync(NewOptions(), Phone);
        var ok = TestMessages.ResponseTo(harness.Requests(SipMethod.Options)[0], 200);

        await harness.DeliverAsync(ok, Phone);
        harness.RunSeconds(1);
        await harness.DeliverAsync(ok, Phone);

        Assert.Equal(200, (await transaction.FinalResponse).StatusCode);
        Assert.Equal(ClientNonInviteState.Completed, transaction.State);
        Assert.Single(harness.Requests(SipMethod.Options));
        Assert.Equal(1, harness.Counters.ResponsesAbsorbed);

        // Timer K: T4 = 5 s.
        harness.RunSeconds(3.9);
        Assert.Equal(ClientNonInviteState.Completed, transaction.State);
        harness.RunSeconds(0.1);
        Assert.Equal(TransactionOutcome.Finished, await transaction.Completion);
        Assert.Equal([200], (await ClientInviteTransactionTests.ReadAllAsync(transaction)).Select(response => response.StatusCode));
    }

    [Fact]
    public async Task Over_TCP_nothing_is_retransmitted_and_the_final_response_ends_the_transaction()
    {
        await using var harness = await TransactionHarness.StartAsync();
        var tcpPhone = Phone with { Transport = SipTransportKind.Tcp };
        var transaction = (ClientNonInviteTransaction)await harness.Layer.SendRequestAsync(NewOptions(), tcpPhone);

        harness.RunSeconds(20);
        Assert.Single(harness.Requests(SipMethod.Options));
        Assert.Equal("TCP", harness.Requests(SipMethod.Options)[0].Parsed().Vias[0].Transport);

        await harness.DeliverAsync(TestMessages.ResponseTo(harness.Requests(SipMethod.Options)[0], 200), tcpPhone);

        Assert.Equal(ClientNonInviteState.Terminated, transaction.State);
    }

    [Fact]
    public async Task Over_TCP_timer_F_still_applies()
    {
        await using var harness = await TransactionHarness.StartAsync();
        var transaction = await harness.Layer.SendRequestAsync(NewOptions(), Phone with { Transport = SipTransportKind.Tcp });

        harness.RunSeconds(32);

        Assert.Equal(408, (await transaction.FinalResponse).StatusCode);
        Assert.Single(harness.Requests(SipMethod.Options));
    }

    [Fact]
    public async Task A_transport_error_reaches_the_TU_as_503()
    {
        await using var harness = await TransactionHarness.StartAsync();
        harness.Transport.FailWhen = message => message is SipRequest;

        var transaction = await harness.Layer.SendRequestAsync(NewOptions(), Phone);

        Assert.Equal(503, (await transaction.FinalResponse).StatusCode);
        Assert.Equal(TransactionOutcome.TransportFailed, await transaction.Completion);
        Assert.Equal(1, harness.Counters.TransportErrors);
    }

    [Fact]
    public async Task A_request_sent_again_after_a_challenge_gets_a_new_branch()
    {
        await using var harness = await TransactionHarness.StartAsync();
        var register = NewOptions();
        var first = await harness.Layer.SendRequestAsync(register, Phone);
        await harness.DeliverAsync(TestMessages.ResponseTo(harness.Requests(SipMethod.Options)[0], 401), Phone);

        register.CSeq = new CSeq(2, SipMethod.Options);
        var second = await harness.Layer.SendRequestAsync(register, Phone);

        Assert.NotEqual(first.Branch, second.Branch);
        Assert.Single(harness.Requests(SipMethod.Options)[1].Parsed().Vias);
    }

    private static SipRequest NewOptions()
    {
        var options = new SipRequest(SipMethod.Options, SipUri.Parse("sip:2001@192.0.2.20:5062"));
        options.Headers.Add(SipHeaderNames.From, "<sip:ivr@10.0.0.1>;tag=keepalive");
        options.Headers.Add(SipHeaderNames.To, "<sip:2001@192.0.2.20>");
        options.Headers.Add(SipHeaderNames.CallId, "options-1@10.0.0.1");
        options.Headers.Add(SipHeaderNames.CSeq, "1 OPTIONS");
        return options;
    }
}
