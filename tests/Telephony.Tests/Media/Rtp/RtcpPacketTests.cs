using System.Text;
using CallMyWay.Voice.Telephony.Media.Rtp;

namespace CallMyWay.Voice.Telephony.Tests.Media.Rtp;

public sealed class RtcpPacketTests
{
    private static readonly RtcpReportBlock Block = new(
        Ssrc: 0x01020304,
        FractionLost: 25,
        CumulativeLost: 1234,
        ExtendedHighestSequence: 0x0001_0010,
        Jitter: 77,
        LastSenderReport: 0xAABBCCDD,
        DelaySinceLastSenderReport: 0x00018000);

    [Fact]
    public void Sender_report_with_one_block_round_trips()
    {
        var info = new RtcpSenderInfo(0xE1234567_89ABCDEF, RtpTimestamp: 160_000, PacketCount: 1000, OctetCount: 160_000);
        var buffer = new byte[100];

        int written = RtcpPacket.WriteSenderReport(buffer, 0xCAFEBABE, info, Block);

        Assert.Equal(52, written);
        Assert.Equal("81C8000C", Convert.ToHexString(buffer, 0, 4));
        Assert.True(RtcpPacket.TryParse(buffer.AsSpan(0, written), out RtcpPacket packet));
        Assert.Equal(RtcpPacketType.SenderReport, packet.Type);
        Assert.Equal(1, packet.Count);
        Assert.Equal(52, packet.Length);
        Assert.Equal(0xCAFEBABEu, packet.Ssrc);
        Assert.True(packet.TryGetSenderInfo(out RtcpSenderInfo parsedInfo));
        Assert.Equal(info, parsedInfo);
        Assert.True(packet.TryGetReportBlock(0, out RtcpReportBlock parsedBlock));
        Assert.Equal(Block, parsedBlock);
        Assert.False(packet.TryGetReportBlock(1, out _));
    }

    [Fact]
    public void Receiver_report_round_trips_and_has_no_sender_info()
    {
        var buffer = new byte[32];

        int written = RtcpPacket.WriteReceiverReport(buffer, 0x11223344, Block);

        Assert.Equal(32, written);
        Assert.True(RtcpPacket.TryParse(buffer, out RtcpPacket packet));
        Assert.Equal(RtcpPacketType.ReceiverReport, packet.Type);
        Assert.Equal(0x11223344u, packet.Ssrc);
        Assert.False(packet.TryGetSenderInfo(out _));
        Assert.True(packet.TryFindReportBlock(0x01020304, out RtcpReportBlock parsed));
        Assert.Equal(Block, parsed);
        Assert.False(packet.TryFindReportBlock(0x99999999, out _));
    }

    [Fact]
    public void Receiver_report_without_blocks_is_eight_bytes()
    {
        var buffer = new byte[8];

        Assert.Equal(8, RtcpPacket.WriteReceiverReport(buffer, 7));
        Assert.Equal("80C9000100000007", Convert.ToHexString(buffer));
    }

    [Theory]
    [InlineData(-3)]
    [InlineData(RtcpReportBlock.MinCumulativeLost)]
    [InlineData(RtcpReportBlock.MaxCumulativeLost)]
    public void Cumulative_loss_keeps_its_sign_in_24_bits(int lost)
    {
        var buffer = new byte[32];
        RtcpPacket.WriteReceiverReport(buffer, 1, Block with { CumulativeLost = lost });

        Assert.True(RtcpPacket.TryParse(buffer, out RtcpPacket packet));
        Assert.True(packet.TryGetReportBlock(0, out RtcpReportBlock parsed));
        Assert.Equal(lost, parsed.CumulativeLost);
        Assert.Equal(Block.FractionLost, parsed.FractionLost);
    }

    [Fact]
    public void Cumulative_loss_beyond_24_bits_is_clamped()
    {
        var buffer = new byte[32];
        RtcpPacket.WriteReceiverReport(buffer, 1, Block with { CumulativeLost = 20_000_000 });

        Assert.True(RtcpPacket.TryParse(buffer, out RtcpPacket packet));
        Assert.True(packet.TryGetReportBlock(0, out RtcpReportBlock parsed));
        Assert.Equal(RtcpReportBlock.MaxCumulativeLost, parsed.CumulativeLost);
    }

    [Fact]
    public void Peer_receiver_report_bytes_give_its_loss_and_jitter()
    {
        // RR from SSRC 0x5EED0001 about our SSRC 0x0000BEEF: 10/256 lost, 7 in total,
        // highest 0x00020123, jitter 42, LSR 0x11112222, DLSR 0x00008000 (0.5 s).
        byte[] datagram = Convert.FromHexString(
            "81C90007" + "5EED0001"
            + "0000BEEF" + "0A000007" + "00020123" + "0000002A" + "11112222" + "00008000");

        var reader = new RtcpCompoundReader(datagram);
        Assert.True(reader.TryRead(out RtcpPacket packet));
        Assert.True(packet.TryFindReportBlock(0xBEEF, out RtcpReportBlock block));

        Assert.Equal(0x5EED0001u, packet.Ssrc);
        Assert.Equal(10, block.FractionLost);
        Assert.Equal(7, block.CumulativeLost);
        Assert.Equal(0x00020123u, block.ExtendedHighestSequence);
        Assert.Equal(42u, block.Jitter);
        Assert.Equal(TimeSpan.FromMilliseconds(250), block.RoundTripTime(0x11112222 + 0x8000 + 0x4000));
        Assert.False(reader.TryRead(out _));
        Assert.False(reader.IsMalformed);
    }

    [Fact]
    public void Compound_report_is_a_report_followed_by_sdes_cname()
    {
        var buffer = new byte[200];
        var info = new RtcpSenderInfo(RtcpSenderInfo.ToNtpTimestamp(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)), 8000, 50, 8000);

        int written = RtcpPacket.WriteCompoundReport(buffer, 0xABCD, info, Block, "agent@callmyway.test");

        var reader = new RtcpCompoundReader(buffer.AsSpan(0, written));
        Assert.True(reader.TryRead(out RtcpPacket report));
        Assert.Equal(RtcpPacketType.SenderReport, report.Type);
        Assert.True(reader.TryRead(out RtcpPacket sdes));
        Assert.Equal(RtcpPacketType.SourceDescription, sdes.Type);
        Assert.True(sdes.TryGetCname(out uint ssrc, out ReadOnlySpan<byte> cname));
        Assert.Equal(0xABCDu, ssrc);
        Assert.Equal("agent@callmyway.test", Encoding.UTF8.GetString(cname));
        Assert.False(reader.TryRead(out _));
        Assert.False(reader.IsMalformed);
        Assert.Equal(0, written % 4);
    }

    [Fact]
    public void Compound_report_without_sender_info_starts_with_a_receiver_report()
    {
        var buffer = new byte[200];

        int written = RtcpPacket.WriteCompoundReport(buffer, 0xABCD, senderInfo: null, block: null, "x");

        Assert.Equal(8 + 12, written);
        Assert.Equal("80C900010000ABCD", Convert.ToHexString(buffer, 0, 8));
        Assert.Equal("81CA0002" + "0000ABCD" + "0101" + "78" + "00", Convert.ToHexString(buffer, 8, 12));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("ab")]
    [InlineData("abc")]
    [InlineData("abcd")]
    [InlineData("user@192.0.2.10")]
    public void Sdes_cname_of_any_length_is_null_terminated_and_word_aligned(string text)
    {
        var buffer = new byte[64];
        buffer.AsSpan().Fill(0xEE);

        int written = RtcpPacket.WriteSourceDescription(buffer, 5, text);

        Assert.Equal(0, written % 4);
        Assert.Equal(0, buffer[written - 1]);
        Assert.Equal(0, buffer[10 + text.Length]);
        Assert.True(RtcpPacket.TryParse(buffer.AsSpan(0, written), out RtcpPacket packet));
        Assert.True(packet.TryGetCname(out _, out ReadOnlySpan<byte> cname));
        Assert.Equal(text, Encoding.UTF8.GetString(cname));
    }

    [Fact]
    public void Cname_is_found_after_other_items_and_chunks()
    {
        // SDES with 2 chunks: SSRC 1 with NAME "ab"; SSRC 2 with TOOL "t" then CNAME "c@h".
        byte[] datagram = Convert.FromHexString(
            "82CA0007"
            + "00000001" + "02026162" + "00000000"
            + "00000002" + "060174" + "0103634068" + "00000000");

        Assert.True(RtcpPacket.TryParse(datagram, out RtcpPacket packet));
        Assert.True(packet.TryGetCname(out uint ssrc, out ReadOnlySpan<byte> cname));
        Assert.Equal(2u, ssrc);
        Assert.Equal("c@h", Encoding.ASCII.GetString(cname));
    }

    [Fact]
    public void Goodbye_round_trips_with_a_reason()
    {
        var buffer = new byte[64];

        int written = RtcpPacket.WriteGoodbye(buffer, 0x0BADCAFE, "call ended");

        Assert.Equal(0, written % 4);
        Assert.True(RtcpPacket.TryParse(buffer.AsSpan(0, written), out RtcpPacket packet));
        Assert.Equal(RtcpPacketType.Goodbye, packet.Type);
        Assert.True(packet.TryGetGoodbyeSource(0, out uint ssrc));
        Assert.Equal(0x0BADCAFEu, ssrc);
        Assert.True(packet.TryGetGoodbyeReason(out ReadOnlySpan<byte> reason));
        Assert.Equal("call ended", Encoding.UTF8.GetString(reason));
    }

    [Fact]
    public void Peer_goodbye_in_a_compound_names_the_sources_leaving()
    {
        byte[] datagram = Convert.FromHexString(
            "80C90001" + "00000009"                          // RR, no blocks
            + "81CA0003" + "00000009" + "01047A407931" + "0000" // SDES CNAME "z@y1"
            + "82CB0003" + "00000009" + "0000000A" + "03627965"); // BYE two sources, reason "bye"

        var reader = new RtcpCompoundReader(datagram);
        RtcpPacket bye = default;
        int packets = 0;
        while (reader.TryRead(out RtcpPacket packet))
        {
            packets++;
            if (packet.Type == RtcpPacketType.Goodbye)
            {
                bye = packet;
            }
        }

        Assert.Equal(3, packets);
        Assert.False(reader.IsMalformed);
        Assert.Equal(2, bye.Count);
        Assert.True(bye.TryGetGoodbyeSource(1, out uint second));
        Assert.Equal(10u, second);
        Assert.False(bye.TryGetGoodbyeSource(2, out _));
        Assert.True(bye.TryGetGoodbyeReason(out ReadOnlySpan<byte> reason));
        Assert.Equal("bye", Encoding.ASCII.GetString(reason));
    }

    [Theory]
    [InlineData("80C9")]                                    // shorter than a header
    [InlineData("40C9000100000007")]                       // version 1
    [InlineData("80C9000200000007")]                       // length runs past the datagram
    [InlineData("81C9000100000007")]                       // RR announcing a block it lacks
    [InlineData("80C8000200000007AAAAAAAA")]                // SR without its sender info
    [InlineData("82CB000100000001")]                       // BYE announcing two sources, carrying one
    [InlineData("A0C9000100000000")]                       // padding count of zero
    [InlineData("A0C9000100000009")]                       // padding longer than the body
    public void Malformed_packets_are_rejected(string hex)
    {
        Assert.False(RtcpPacket.TryParse(Convert.FromHexString(hex), out _));
    }

    [Fact]
    public void Reader_stops_at_a_malformed_packet_after_the_good_ones()
    {
        byte[] datagram = Convert.FromHexString("80C9000100000007" + "80CA0009");

        var reader = new RtcpCompoundReader(datagram);

        Assert.True(reader.TryRead(out _));
        Assert.False(reader.TryRead(out _));
        Assert.True(reader.IsMalformed);
    }

    [Fact]
    public void Padding_is_allowed_only_on_the_last_packet()
    {
        byte[] paddedFirst = Convert.FromHexString("A0C900020000000700000004" + "80C9000100000008");
        byte[] paddedLast = Convert.FromHexString("80C9000100000008" + "A0C900020000000700000004");

        var first = new RtcpCompoundReader(paddedFirst);
        Assert.False(first.TryRead(out _));
        Assert.True(first.IsMalformed);

        var last = new RtcpCompoundReader(paddedLast);
        Assert.True(last.TryRead(out _));
        Assert.True(last.TryRead(out RtcpPacket padded));
        Assert.Equal(4, padded.Body.Length);
        Assert.False(last.TryRead(out _));
        Assert.False(last.IsMalformed);
    }

    [Theory]
    [InlineData("8000", false)]       // PCMU
    [InlineData("8008", false)]       // PCMA
    [InlineData("80E5", false)]       // telephone-event 101 with marker
    [InlineData("80C8", true)]        // SR
    [InlineData("81C9", true)]        // RR
    [InlineData("80CB", true)]        // BYE
    [InlineData("40C8", false)]       // not version 2
    public void Rtcp_is_told_from_rtp_on_a_shared_port(string firstBytes, bool isRtcp)
    {
        byte[] datagram = Convert.FromHexString(firstBytes + "00010000000200000003");

        Assert.Equal(isRtcp, RtcpPacket.LooksLikeRtcp(datagram));
    }

    [Fact]
    public void Ntp_time_counts_seconds_since_1900_with_a_binary_fraction()
    {
        ulong ntp = RtcpSenderInfo.ToNtpTimestamp(new DateTimeOffset(2000, 1, 1, 0, 0, 0, 500, TimeSpan.Zero));

        Assert.Equal(3_155_673_600UL, ntp >> 32);
        Assert.Equal(0x8000_0000UL, ntp & 0xFFFF_FFFF);
        Assert.Equal(unchecked((uint)((3_155_673_600UL << 16) | 0x8000)), RtcpSenderInfo.ToCompactNtp(ntp));
    }

    [Fact]
    public void Delay_since_last_sender_report_is_in_units_of_1_over_65536_second()
    {
        Assert.Equal(65536u, RtcpReportBlock.ToDelaySinceLastSenderReport(TimeSpan.FromSeconds(1)));
        Assert.Equal(0x4000u, RtcpReportBlock.ToDelaySinceLastSenderReport(TimeSpan.FromMilliseconds(250)));
        Assert.Equal(0u, RtcpReportBlock.ToDelaySinceLastSenderReport(TimeSpan.FromSeconds(-1)));
    }

    [Fact]
    public void Round_trip_is_unknown_until_the_peer_saw_a_sender_report()
    {
        Assert.Null((Block with { LastSenderReport = 0 }).RoundTripTime(123456));
    }

    [Fact]
    public void Writing_reports_allocates_nothing()
    {
        var buffer = new byte[256];
        var info = new RtcpSenderInfo(1, 2, 3, 4);
        RtcpPacket.WriteCompoundReport(buffer, 1, info, Block, "warm@up");

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            int written = RtcpPacket.WriteCompoundReport(buffer, 1, info, Block, "agent@callmyway.test");
            var reader = new RtcpCompoundReader(buffer.AsSpan(0, written));
            while (reader.TryRead(out RtcpPacket packet))
            {
                packet.TryFindReportBlock(Block.Ssrc, out _);
            }
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }
}
