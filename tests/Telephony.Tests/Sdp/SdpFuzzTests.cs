using System.Text;
using CallMyWay.Voice.Telephony.Sdp;

namespace CallMyWay.Voice.Telephony.Tests.Sdp;

public sealed class SdpFuzzTests
{
    private static readonly string[] Seeds =
    [
        SdpSamples.SippOffer,
        SdpSamples.BaresipWidebandOffer,
        SdpSamples.LinphoneOffer,
        SdpSamples.SbcPcmaOffer,
        SdpSamples.LegacyHoldOffer,
        SdpSamples.Ipv6Offer,
        SdpSamples.VideoFirstOffer,
    ];

    private static readonly string[] Splices =
    [
        "=", " ", ":", "/", "\r", "\n", "\r\n", "\0", "-1", "0", "65536", "99999999999999999999999", "m=", "c=", "a=",
        "a=rtpmap:", "a=fmtp:", "a=rtcp:", "IN IP6 ::", "0.0.0.0", "/", "\u00e9", "\uFFFD", "\t", "\v", "RTP/AVP",
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Random_mutations_never_throw_and_what_parses_round_trips(int seed)
    {
        var random = new Random(seed);
        var local = new LocalMediaCapabilities("192.0.2.1", 10000);
        var parsed = 0;
        for (var i = 0; i < 2500; i++)
        {
            var text = Mutate(Seeds[random.Next(Seeds.Length)], random);

            var okBytes = SessionDescription.TryParse(Encoding.UTF8.GetBytes(text), out _, out _);
            if (!SessionDescription.TryParse(text, out var sdp, out var error))
            {
                Assert.False(string.IsNullOrEmpty(error));
                Assert.False(okBytes);
                continue;
            }

            parsed++;
            Assert.True(okBytes);
            Assert.Empty(error);
            var written = sdp.ToString();
            Assert.True(SessionDescription.TryParse(written, out var again, out var againError), againError + "\n" + written);
            Assert.Equal(written, again.ToString());

            var result = new OfferAnswer(new LocalSdpOrigin("-", 1, 1)).Answer(sdp, local);
            Assert.Equal(result.IsSuccess, result.Failure == SdpNegotiationFailure.None);
            if (result.IsSuccess)
            {
                Assert.Equal(sdp.Media.Count, result.Answer.Media.Count);
                _ = result.Media.RemoteRtpEndPoint;
                _ = result.Media.RemoteRtcpEndPoint;
                _ = result.Media.SendsMedia;
                Assert.True(OfferAnswer.TryReadAnswer(sdp, result.Answer, out _, out var readError) || readError.Length > 0);
            }
            else
            {
                Assert.DoesNotContain('"', result.Reason);
                Assert.All(result.Reason, c => Assert.InRange(c, ' ', '~'));
            }
        }

        Assert.InRange(parsed, 500, 2500);
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        var random = new Random(42);
        var buffer = new byte[300];
        for (var i = 0; i < 3000; i++)
        {
            var length = random.Next(buffer.Length);
            random.NextBytes(buffer.AsSpan(0, length));
            if (i % 2 == 0)
            {
                // Keep some structure so the parser gets past its first line.
                "v=0\no="u8.CopyTo(buffer);
            }

            var parsed = SessionDescription.TryParse(buffer.AsSpan(0, Math.Max(length, 6)), out var sdp, out var error);

            Assert.Equal(parsed, sdp is not null);
            Assert.Equal(parsed, error.Length == 0);
        }
    }

    private static string Mutate(string text, Random random)
    {
        var builder = new StringBuilder(text);
        var edits = random.Next(1, 5);
        for (var e = 0; e < edits && builder.Length > 0; e++)
        {
            var at = random.Next(builder.Length);
            switch (random.Next(6))
            {
                case 0:
                    builder[at] = (char)random.Next(0, 128);
                    break;
                case 1:
                    builder.Remove(at, Math.Min(random.Next(1, 20), builder.Length - at));
                    break;
                case 2:
                    builder.Insert(at, Splices[random.Next(Splices.Length)]);
                    break;
                case 3:
                    builder.Length = at;
                    break;
                case 4:
                    var lines = builder.ToString().Split('\n').ToList();
                    var line = random.Next(lines.Count);
                    lines.Insert(random.Next(lines.Count), lines[line]);
                    builder.Clear().AppendJoin('\n', lines);
                    break;
                default:
                    var all = builder.ToString().Split('\n').ToList();
                    all.RemoveAt(random.Next(all.Count));
                    builder.Clear().AppendJoin('\n', all);
                    break;
            }
        }

        return builder.ToString();
    }
}
