using CallMyWay.Voice.Telephony.Media.Dtmf;

namespace CallMyWay.Voice.Telephony.Tests.Media.Dtmf;

public sealed class TelephoneEventTests
{
    [Theory]
    [InlineData('0', 0)]
    [InlineData('9', 9)]
    [InlineData('*', 10)]
    [InlineData('#', 11)]
    [InlineData('A', 12)]
    [InlineData('b', 13)]
    [InlineData('C', 14)]
    [InlineData('d', 15)]
    public void Keys_map_to_rfc_4733_event_codes(char key, byte code)
    {
        Assert.True(TelephoneEvent.TryGetEventCode(key, out byte eventCode));
        Assert.Equal(code, eventCode);
        Assert.Equal(char.ToUpperInvariant(key), new TelephoneEvent(code, false, 10, 0).Digit);
    }

    [Theory]
    [InlineData('E')]
    [InlineData('x')]
    [InlineData(' ')]
    [InlineData('\0')]
    public void Other_characters_are_not_keys(char key)
    {
        Assert.False(TelephoneEvent.TryGetEventCode(key, out _));
    }

    [Fact]
    public void Every_event_round_trips()
    {
        var buffer = new byte[TelephoneEvent.Size];
        for (int code = 0; code < 256; code += 5)
        {
            var original = new TelephoneEvent((byte)code, code % 2 == 0, (byte)(code % 64), (ushort)(code * 257));

            Assert.Equal(TelephoneEvent.Size, original.Write(buffer));
            Assert.True(TelephoneEvent.TryParse(buffer, out TelephoneEvent parsed));
            Assert.Equal(original, parsed);
        }
    }

    [Fact]
    public void Sipp_end_packet_payload_parses()
    {
        Assert.True(TelephoneEvent.TryParse(Convert.FromHexString("0B8A08C0"), out TelephoneEvent parsed));

        Assert.Equal(11, parsed.EventCode);
        Assert.Equal('#', parsed.Digit);
        Assert.True(parsed.End);
        Assert.Equal(10, parsed.Volume);
        Assert.Equal(2240, parsed.Duration);
        Assert.True(parsed.IsDtmf);
    }

    [Fact]
    public void Reserved_bit_is_ignored()
    {
        Assert.True(TelephoneEvent.TryParse(Convert.FromHexString("05CA0140"), out TelephoneEvent parsed));

        Assert.True(parsed.End);
        Assert.Equal(10, parsed.Volume);
    }

    [Fact]
    public void Event_beyond_the_keypad_is_not_dtmf()
    {
        Assert.True(TelephoneEvent.TryParse(Convert.FromHexString("100A0000"), out TelephoneEvent flash));

        Assert.False(flash.IsDtmf);
        Assert.Equal('\0', flash.Digit);
    }

    [Fact]
    public void Short_payload_is_rejected()
    {
        Assert.False(TelephoneEvent.TryParse(new byte[] { 1, 2, 3 }, out _));
    }

    [Fact]
    public void Volume_beyond_six_bits_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TelephoneEvent(1, false, 64, 0));
    }
}
