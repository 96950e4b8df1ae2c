using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using CallMyWay.Voice.Telephony.Sdp;
using CallMyWay.Voice.Telephony.Sip.Messages;

namespace CallMyWay.Voice.Telephony.Benchmarks;

/// <summary>
/// The SIP message work of one inbound call: parse the caller's INVITE (sipp's uac_basic.xml, with its SDP offer),
/// write it back, and build, write and parse the 200 OK the user agent answers with.
/// </summary>
[MemoryDiagnoser]
public class SipMessageBenchmarks
{
    private readonly ArrayBufferWriter<byte> _writer = new(2048);
    private byte[] _invite = [];
    private SipRequest _parsedInvite = null!;
    private byte[] _answerSdp = [];
    private byte[] _okBytes = [];

    [GlobalSetup]
    public void Setup()
    {
        _invite = EmbeddedData.Read("invite-sipp.sip");
        _parsedInvite = ParseRequest(_invite);
        if (!SessionDescription.TryParse(_parsedInvite.Body.Span, out var offer, out var error))
        {
            throw new InvalidOperationException(error);
        }

        var answer = new OfferAnswer(new LocalSdpOrigin("callmyway", 4242, 1)).Answer(offer, new LocalMediaCapabilities("127.0.0.1", 20000));
        _answerSdp = Encoding.UTF8.GetBytes(answer.Answer!.ToString());
        _okBytes = SipSerializer.ToBytes(CreateOk(_parsedInvite, _answerSdp));
    }

    /// <summary>The transport's work per datagram: bytes to a message.</summary>
    [Benchmark]
    public SipMessage ParseInvite() => ParseRequest(_invite);

    /// <summary>Parse plus the headers the transaction layer and the user agent read from every INVITE.</summary>
    [Benchmark]
    public int ParseInviteAndReadDialogHeaders()
    {
        var request = ParseRequest(_invite);
        return request.Vias[0].Branch!.Length + request.From.Tag!.Length + request.To.User!.Length
            + request.CallId.Length + (int)request.CSeq.Number + request.RequestUri.User!.Length;
    }

    /// <summary>A parsed INVITE written to wire format (what a proxy or a retransmission costs).</summary>
    [Benchmark]
    public int SerializeInvite()
    {
        _writer.ResetWrittenCount();
        SipSerializer.Write(_parsedInvite, _writer);
        return _writer.WrittenCount;
    }

    /// <summary>
    /// The answer as the user agent makes it once the SDP answer is known (see <see cref="SdpBenchmarks"/>):
    /// response from the request, capabilities, Contact, body; then written to wire format.
    /// </summary>
    [Benchmark]
    public int Create200OkAndSerialize()
    {
        _writer.ResetWrittenCount();
        SipSerializer.Write(CreateOk(_parsedInvite, _answerSdp), _writer);
        return _writer.WrittenCount;
    }

    /// <summary>The caller's side of the same 200 OK: parse it and read what a client transaction matches on.</summary>
    [Benchmark]
    public int Parse200Ok()
    {
        if (!SipParser.TryParse(_okBytes, out var message, out var error))
        {
            throw new InvalidOperationException(error.ToString());
        }

        var response = (SipResponse)message;
        return response.StatusCode + response.Vias[0].Branch!.Length + response.To.Tag!.Length + (int)response.CSeq.Number;
    }

    /// <summary>A 200 OK round trip: parse the bytes and write them again.</summary>
    [Benchmark]
    public int Parse200OkAndSerialize()
    {
        if (!SipParser.TryParse(_okBytes, out var message, out var error))
        {
            throw new InvalidOperationException(error.ToString());
        }

        _writer.ResetWrittenCount();
        SipSerializer.Write(message, _writer);
        return _writer.WrittenCount;
    }

    private static SipRequest ParseRequest(byte[] data)
    {
        if (!SipParser.TryParse(data, out var message, out var error))
        {
            throw new InvalidOperationException(error.ToString());
        }

        return (SipRequest)message;
    }

    // As InboundCall.AnswerAsync does it: WithSdp(WithContact(WithCapabilities(CreateResponse(200)))).
    private static SipResponse CreateOk(SipRequest invite, byte[] sdp)
    {
        var ok = SipResponseFactory.CreateResponse(invite, 200, toTag: "a1b2c3d4e5");
        ok.Headers.Set(SipHeaderNames.Allow, "INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, UPDATE, REGISTER");
        ok.Headers.Set(SipHeaderNames.Accept, "application/sdp, application/dtmf-relay, application/dtmf");
        ok.Headers.Set(SipHeaderNames.Supported, "replaces, timer");
        ok.Headers.Set(SipHeaderNames.Server, "CallMyWay Voice");
        ok.Headers.Set(SipHeaderNames.Contact, "<sip:525541708422@127.0.0.1:5060>");
        ok.Headers.Set(SipHeaderNames.ContentType, "application/sdp");
        ok.Body = sdp;
        return ok;
    }
}
