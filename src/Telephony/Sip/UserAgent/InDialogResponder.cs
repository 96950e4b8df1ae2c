using System.Globalization;
using System.Text;
using CallMyWay.Voice.Telephony.Media.Engine;
using CallMyWay.Voice.Telephony.Sdp;
using CallMyWay.Voice.Telephony.Sip.Dialogs;
using CallMyWay.Voice.Telephony.Sip.Messages;
using CallMyWay.Voice.Telephony.Sip.Transactions;
using CallMyWay.Voice.Telephony.Sip.Transport;
using Microsoft.Extensions.Logging;

namespace CallMyWay.Voice.Telephony.Sip.UserAgent;

/// <summary>
/// The answers an established call gives the peer's in-dialog requests the same way whichever side sent the INVITE:
/// CSeq order, INFO digits, SDP offers answered with the call's one offer/answer, and a 2xx retransmitted until its ACK.
/// </summary>
/// <remarks>The call keeps its phases and decides what to answer; this type only builds and sends the answers.</remarks>
internal sealed partial class InDialogResponder(SipDialog dialog, OfferAnswer offerAnswer, LocalMediaCapabilities local, TransactionLayer layer, SipTransportLayer transport, ILogger logger)
{
    private string CallId => dialog.Id.CallId;

    /// <summary>488 Not Acceptable Here for a refused offer, saying why in a Warning header (RFC 3261 §13.3.1.1, §20.43).</summary>
    public static SipResponse NotAcceptable(ServerTransaction transaction, SdpAnswerResult result, SipTransportLayer transport)
    {
        var response = transaction.CreateResponse(SdpAnswerResult.NotAcceptableHere);
        var host = transport.AdvertisedHostFor(transaction.Source.Address.Address);
        response.Headers.Add("Warning", $"{result.WarningCode.ToString(CultureInfo.InvariantCulture)} {host} \"{result.Reason}\"");
        return response;
    }

    public static SipResponse WithSdp(SipResponse response, SessionDescription sdp)
    {
        response.Headers.Set(SipHeaderNames.ContentType, "application/sdp");
        response.Body = Encoding.UTF8.GetBytes(sdp.ToString());
        return response;
    }

    /// <summary>Takes the request's CSeq into the dialog (RFC 3261 §12.2.2); false once a request out of order was answered 500.</summary>
    public async ValueTask<bool> AcceptSequenceAsync(ServerTransaction transaction)
    {
        if (dialog.AcceptRemoteSequence(transaction.Request.CSeq.Number))
        {
            return true;
        }

        await RespondAsync(transaction, transaction.CreateResponse(500, "CSeq out of order")).ConfigureAwait(false);
        return false;
    }

    /// <summary>An INFO: digits (RFC 6086 with a DTMF body) go to the media, which may not have started yet.</summary>
    public async ValueTask OnInfoAsync(ServerTransaction transaction, RtpSession? media)
    {
        var request = transaction.Request;
        if (media is not null && media.ReportSipInfo(request.ContentType, request.Body.Span))
        {
            await RespondAsync(transaction, transaction.CreateResponse(200)).ConfigureAwait(false);
            return;
        }

        // INFO with another body (RFC 6086 packages) is not for us; an empty INFO is a keep-alive.
        await RespondAsync(transaction, transaction.CreateResponse(request.Body.IsEmpty ? 200 : 415)).ConfigureAwait(false);
    }

    /// <summary>
    /// Answers the offer in a re-INVITE or UPDATE with the call's one <see cref="OfferAnswer"/> (RFC 3264 §8, RFC 3311 §5.2);
    /// null once refused with 400 (bad SDP) or 488. The call applies a successful answer to its media and sends the 2xx.
    /// </summary>
    public async ValueTask<SdpAnswerResult?> AnswerOfferAsync(ServerTransaction transaction)
    {
        var request = transaction.Request;
        if (!SessionDescription.TryParse(request.Body.Span, out var offer, out var error))
        {
            await RespondAsync(transaction, transaction.CreateResponse(400, "Bad SDP: " + error)).ConfigureAwait(false);
            return null;
        }

        var result = offerAnswer.Answer(offer!, local);
        if (!result.IsSuccess)
        {
            await RespondAsync(transaction, NotAcceptable(transaction, result, transport)).ConfigureAwait(false);
            return null;
        }

        return result;
    }

    /// <summary>
    /// Starts retransmitting <paramref name="ok"/> until the call says the ACK came (<paramref name="awaitingAck"/> false)
    /// or 64*T1 passed, when <paramref name="noAck"/> ends the call.
    /// </summary>
    public InviteOkRetransmission RetransmitUntilAck(ServerInviteTransaction transaction, SipResponse ok, Func<bool> awaitingAck, Func<Task> noAck)
    {
        var retransmission = new InviteOkRetransmission(this, layer, transaction, ok, awaitingAck, noAck);
        retransmission.Start();
        return retransmission;
    }

    /// <summary>Sends a response; a transport failure is logged and reported as false, since the call carries on.</summary>
    public async ValueTask<bool> RespondAsync(ServerTransaction transaction, SipResponse response)
    {
        try
        {
            return await transaction.RespondAsync(response).ConfigureAwait(false);
        }
        catch (SipTransportException ex)
        {
            SendFailed(logger, ex, CallId, response.StatusCode);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId}: {Status} could not be sent")]
    private static partial void SendFailed(ILogger logger, Exception exception, string callId, int status);
}
