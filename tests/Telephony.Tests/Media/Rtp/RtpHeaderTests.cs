using CallMyWay.Voice.Telephony.Media.Rtp;

namespace CallMyWay.Voice.Telephony.Tests.Media.Rtp;

public sealed class RtpHeaderTests
{
    [Fact]
    public void Header_written_then_parsed_gives_the_same_fields_and_payload()
    {
        var header = new RtpHeader(payloadType: 8, sequenceNumber: 65535, timestamp: 0xFFFFFF60, ssrc: 0xDEADBEEF, marker: true);
        var packet = new byte[RtpHeader.FixedSize + 160];
        int written = header.Write(packet);
        packet.AsSpan(written).Fill(0xD5);

        Assert.True(RtpHeader.TryParse(packet, out RtpHeader parsed, out int offset, out int length));

        Assert.Equal(RtpHeader.FixedSize, written);
        Assert.Equal(header, parsed);
        Assert.Equal(RtpHeader.FixedSize, offset);
        Assert.Equal(160, length);
    }

    [Fact]
    public void Sipp_telephone_event_packet_parses_to_its_fields()
    {
        byte[] packet = Convert.FromHexString("80E51F30000033E00E05384E010A0000");

        Assert.True(RtpHeader.TryParse(packet, out RtpHeader header, out ReadOnlySpan<byte> payload));

        Assert.True(header.Marker);
        Assert.Equal(101, header.PayloadType);
        Assert.Equal(0x1F30, header.SequenceNumber);
        Assert.Equal(0x33E0u, header.Timestamp);
        Assert.Equal(0x0E05384Eu, header.Ssrc);
        Assert.False(header.HasPadding);
        Assert.False(header.HasExtension);
        Assert.Equal(0, header.CsrcCount);
        Assert.Equal(Convert.FromHexString("010A0000"), payload.ToArray());
    }

    [Fact]
    public void Payload_starts_after_csrcs_and_extension_and_stops_before_padding()
    {
        byte[] packet = Convert.FromHexString(
            "B2" + "00" + "0001" + "00000002" + "00000003"  // V=2 P X CC=2, PT 0, seq 1, ts 2, SSRC 3
            + "11111111" + "22222222"                      // two CSRCs
            + "BEDE" + "0001" + "AABBCCDD"                 // extension: profile, 1 word, data
            + "010203"                                     // payload
            + "000003");                                   // 3 bytes of padding, count last

        Assert.True(RtpHeader.TryParse(packet, out RtpHeader header, out int offset, out int length));

        Assert.True(header.HasPadding);
        Assert.True(header.HasExtension);
        Assert.Equal(2, header.CsrcCount);
        Assert.Equal(3u, header.Ssrc);
        Assert.Equal(28, offset);
        Assert.Equal(3, length);
        Assert.Equal(new byte[] { 1, 2, 3 }, packet.AsSpan(offset, length).ToArray());

        var rewritten = new byte[RtpHeader.FixedSize];
        header.Write(rewritten);
        Assert.Equal(packet[..RtpHeader.FixedSize], rewritten);
    }

    [Fact]
    public void Padding_may_fill_the_whole_payload()
    {
        byte[] packet = Convert.FromHexString("A0000001000000020000000300000004");

        Assert.True(RtpHeader.TryParse(packet, out _, out int offset, out int length));
        Assert.Equal(12, offset);
        Assert.Equal(0, length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("80")]
    [InlineData("8000000100000002000000")]                       // 11 bytes: fixed header cut short
    [InlineData("40000001000000020000000300")]                   // version 1
    [InlineData("00000001000000020000000300")]                   // version 0
    [InlineData("C0000001000000020000000300")]                   // version 3
    [InlineData("820000010000000200000003111111112222")]         // CC=2 but 1.5 CSRCs
    [InlineData("9000000100000002000000030001")]                 // extension header cut short
    [InlineData("900000010000000200000003BEDE0002AABBCCDD")]     // extension claims 2 words, has 1
    [InlineData("A000000100000002000000030102030400")]           // padding count 0
    [InlineData("A00000010000000200000003010206")]               // padding longer than the payload
    [InlineData("B00000010000000200000003BEDE0000FF")]           // padding reaching into the extension
    public void Malformed_or_truncated_packets_are_rejected(string hex)
    {
        Assert.False(RtpHeader.TryParse(Convert.FromHexString(hex), out _, out _, out _));
    }

    [Fact]
    public void Every_truncation_of_a_packet_with_csrcs_and_extension_is_rejected()
    {
        byte[] packet = Convert.FromHexString("91000001000000020000000311111111BEDE0001AABBCCDD");
        Assert.True(RtpHeader.TryParse(packet, out _, out _, out int length));
        Assert.Equal(0, length);

        for (int cut = 0; cut < packet.Length; cut++)
        {
            Assert.False(RtpHeader.TryParse(packet.AsSpan(0, cut), out _, out _, out _), $"accepted {cut} bytes");
        }
    }

    [Fact]
    public void Writing_into_too_small_a_span_throws()
    {
        var header = new RtpHeader(0, 1, 2, 3);

        Assert.Throws<ArgumentException>(() => header.Write(new byte[11]));
    }

    [Fact]
    public void Payload_type_beyond_seven_bits_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RtpHeader(128, 1, 2, 3));
    }
}
