using CallMyWay.Voice.Telephony.Sdp;
using CallMyWay.Voice.Telephony.Sip.Dialogs;
using CallMyWay.Voice.Telephony.Sip.Messages;
using CallMyWay.Voice.Telephony.Sip.Transactions;
using CallMyWay.Voice.Telephony.Sip.Transport;
using CallMyWay.Voice.Telephony.Sip.UserAgent;
using CallMyWay.Voice.Telephony.Tests.Sip.Transactions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CallMyWay.Voice.Telephony.Tests.Sip.UserAgent;

/// <summary>The UAS core's 2xx retransmissions until the ACK (RFC 3261 §13.3.1.4), as both kinds of call use them.</summary>
public sealed class InviteOkRetransmissionTests
{
    [Fact]
    public async Task The_2xx_is_retransmitted_T1_doubling_up_to_T2_until_the_call_has_its_ACK()
    {
        await using var harness = await TransactionHarness.StartAsync();
        var (transaction, ok, responder) = await AnswerAsync(harness);
        var awaitingAck = true;

        var retransmission = responder.RetransmitUntilAck(transaction, ok, () => awaitingAck, () => Task.CompletedTask);
        harness.RunSeconds(12);
        awaitingAck = false;
        retransmission.Stop();
        harness.RunSeconds(30);

        Assert.Equal([0, 0.5, 1.5, 3.5, 7.5, 11.5], harness.SendTimes(sent => sent.IsResponse(200)));
    }

    [Fact]
    public async Task An_earlier_2xx_stops_at_its_next_timer_once_the_call_no_longer_awaits_an_ACK()
    {
        await using var harness = await TransactionHarness.StartAsync();
        var (transaction, ok, responder) = await AnswerAsync(harness);
        var awaitingAck = true;
        var gaveUp = false;

        responder.RetransmitUntilAck(transaction, ok, () => awaitingAck, () =>
        {
            gaveUp = true;
            return Task.CompletedTask;
        });
        harness.RunSeconds(2);
        awaitingAck = false;
        harness.RunSeconds(60);

        Assert.Equal([0, 0.5, 1.5], harness.SendTimes(sent => sent.IsResponse(200)));
        Assert.False(gaveUp);
    }

    // RFC 3261 §13.3.1.4: retransmissions go on for 64*T1; the call is told then, not at the next one due (35.5 s).
    [Fact]
    public async Task Without_an_ACK_the_call_is_told_after_64_T1_exactly()
    {
        await using var harness = await TransactionHarness.StartAsync();
        var (transaction, ok, responder) = await AnswerAsync(harness);
        var start = harness.Time.GetUtcNow();
        TimeSpan? gaveUpAfter = null;

        responder.RetransmitUntilAck(transaction, ok, () => gaveUpAfter is null, () =>
        {
            gaveUpAfter = harness.Time.GetUtcNow() - start;
            return Task.CompletedTask;
        });
        harness.RunSeconds(40);

        Assert.Equal(TimeSpan.FromSeconds(32), gaveUpAfter);
    }

    private static async Task<(ServerInviteTransaction Transaction, SipResponse Ok, InDialogResponder Responder)> AnswerAsync(TransactionHarness harness)
    {
        await harness.DeliverAsync(TestMessages.Invite());
        var transaction = (ServerInviteTransaction)harness.User.LastRequest;
        var dialog = SipDialog.ForServer(transaction.Request, transaction.LocalTag, transaction.Source, SipUri.Parse("sip:desk@10.0.0.1:5060"));
        var transport = new SipTransportLayer(Options.Create(new SipTransportOptions { ListenAddress = "10.0.0.1", Port = 5060 }), NullLogger<SipTransportLayer>.Instance, harness.Time);
        var responder = new InDialogResponder(dialog, new OfferAnswer(), new LocalMediaCapabilities("10.0.0.1", 40000), harness.Layer, transport, NullLogger.Instance);
        var ok = transaction.CreateResponse(200);
        Assert.True(await transaction.RespondAsync(ok));
        return (transaction, ok, responder);
    }
}
