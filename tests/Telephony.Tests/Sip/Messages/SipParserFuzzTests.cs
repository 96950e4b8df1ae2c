using CallMyWay.Voice.Telephony.Sip.Messages;

namespace CallMyWay.Voice.Telephony.Tests.Sip.Messages;

/// <summary>Whatever arrives, the parser answers with a message or an error, never an exception.</summary>
public sealed class SipParserFuzzTests
{
    private static readonly byte[] Interesting = "\r\n \t:;,=<>\"\\%@[]?/0123456789SIPsip:z9hG4bK"u8.ToArray();

    [Fact]
    public void Twenty_thousand_mutations_of_a_valid_invite_never_throw()
    {
        var original = SipTestData.Read("invite-sipp.sip");
        var random = new Random(4475);
        var accepted = 0;
        var framer = new SipStreamFramer();

        for (var round = 0; round < 20_000; round++)
        {
            var mutated = Mutate(original, random);

            if (SipParser.TryParse(mutated, out var message, out var error))
            {
                accepted++;
                AssertStable(message);
            }
            else
            {
                Assert.False(string.IsNullOrEmpty(error.Reason));
                if (error.PartialRequest is { } partial)
                {
                    Assert.NotEmpty(partial.Vias);
                    Assert.NotEmpty(SipResponseFactory.CreateResponse(partial, error.StatusCode, error.Reason).ToBytes());
                }
            }

            framer.Read(new System.Buffers.ReadOnlySequence<byte>(mutated));
        }

        // The mutations must exercise both outcomes to mean anything.
        Assert.InRange(accepted, 500, 19_500);
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        var random = new Random(3261);
        for (var round = 0; round < 5_000; round++)
        {
            var data = new byte[random.Next(0, 600)];
            random.NextBytes(data);
            if (round % 2 == 0 && data.Length > 30)
            {
                "INVITE sip:a@b SIP/2.0\r\n"u8.CopyTo(data);
            }

            SipParser.TryParse(data, out _, out _);
        }
    }

    // A message the parser accepts must survive being written and read again unchanged.
    private static void AssertStable(SipMessage message)
    {
        var written = message.ToBytes();
        Assert.True(SipParser.TryParse(written, out var again, out var error), error?.ToString());
        Assert.Equal(written, again.ToBytes());
        _ = message.Vias;
        _ = message.From;
        _ = message.To;
        _ = message.CSeq;
        _ = message.Contacts;
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        var data = new List<byte>(original);
        var edits = random.Next(1, 4);
        for (var edit = 0; edit < edits && data.Count > 0; edit++)
        {
            var at = random.Next(data.Count);
            switch (random.Next(7))
            {
                case 0:
                    data[at] = (byte)random.Next(256);
                    break;
                case 1:
                    data[at] = Interesting[random.Next(Interesting.Length)];
                    break;
                case 2:
                    data.Insert(at, Interesting[random.Next(Interesting.Length)]);
                    break;
                case 3:
                    data.RemoveRange(at, Math.Min(random.Next(1, 16), data.Count - at));
                    break;
                case 4:
                    var length = Math.Min(random.Next(1, 40), data.Count - at);
                    data.InsertRange(random.Next(data.Count), data.GetRange(at, length));
                    break;
                case 5:
                    data.RemoveRange(at, data.Count - at);
                    break;
                default:
                    data.Insert(at, (byte)random.Next(256));
                    break;
            }
        }

        return [.. data];
    }
}
