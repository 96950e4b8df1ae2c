using System.Text;
using BenchmarkDotNet.Attributes;
using CallMyWay.Voice.Telephony.Sdp;
using CallMyWay.Voice.Telephony.Sip.Messages;

namespace CallMyWay.Voice.Telephony.Benchmarks;

/// <summary>The SDP work of one inbound call (RFC 3264): parse sipp's offer, negotiate the answer, write it as the 200's body.</summary>
[MemoryDiagnoser]
public class SdpBenchmarks
{
    private static readonly LocalMediaCapabilities Local = new("127.0.0.1", 20000);
    private byte[] _offer = [];
    private SessionDescription _parsedOffer = null!;

    [GlobalSetup]
    public void Setup()
    {
        if (!SipParser.TryParse(EmbeddedData.Read("invite-sipp.sip"), out var invite, out var error))
        {
            throw new InvalidOperationException(error.ToString());
        }

        _offer = invite.Body.ToArray();
        _parsedOffer = Parse(_offer);
    }

    [Benchmark]
    public SessionDescription ParseOffer() => Parse(_offer);

    /// <summary>Offer/answer on an already parsed offer: codec choice, telephone-event, direction, origin.</summary>
    [Benchmark]
    public SdpAnswerResult Answer() => new OfferAnswer(new LocalSdpOrigin("callmyway", 4242, 1)).Answer(_parsedOffer, Local);

    /// <summary>What the user agent does per INVITE: parse, answer, and encode the answer as the response body.</summary>
    [Benchmark]
    public int ParseAnswerAndWrite()
    {
        var result = new OfferAnswer(new LocalSdpOrigin("callmyway", 4242, 1)).Answer(Parse(_offer), Local);
        return Encoding.UTF8.GetBytes(result.Answer!.ToString()).Length;
    }

    private static SessionDescription Parse(byte[] body) =>
        SessionDescription.TryParse(body, out var description, out var error) ? description : throw new InvalidOperationException(error);
}
