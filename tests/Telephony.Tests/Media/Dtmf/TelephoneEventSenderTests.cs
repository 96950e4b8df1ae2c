using CallMyWay.Voice.Telephony.Media.Dtmf;
using CallMyWay.Voice.Telephony.Media.Rtp;

namespace CallMyWay.Voice.Telephony.Tests.Media.Dtmf;

public sealed class TelephoneEventSenderTests
{
    [Fact]
    public void Key_of_100_ms_is_four_updates_and_three_end_packets()
    {
        var sender = new TelephoneEventSender('5', TimeSpan.FromMilliseconds(100), ssrc: 0x1234, firstSequenceNumber: 700, timestamp: 48_000);
        var packet = new byte[TelephoneEventSender.PacketSize];

        Assert.Equal(7, sender.PacketCount);
        ushort[] durations = [160, 320, 480, 640, 800, 800, 800];
        for (int i = 0; i < sender.PacketCount; i++)
        {
            Assert.Equal(16, sender.WritePacket(i, packet));
            Assert.True(RtpHeader.TryParse(packet, out RtpHeader header, out ReadOnlySpan<byte> payload));
            Assert.True(TelephoneEvent.TryParse(payload, out TelephoneEvent telephoneEvent));

            Assert.Equal(101, header.PayloadType);
            Assert.Equal(0x1234u, header.Ssrc);
            Assert.Equal(700 + i, header.SequenceNumber);
            Assert.Equal(48_000u, header.Timestamp);
            Assert.Equal(i == 0, header.Marker);
            Assert.Equal(5, telephoneEvent.EventCode);
            Assert.Equal(i >= 4, telephoneEvent.End);
            Assert.Equal(TelephoneEventSender.DefaultVolume, telephoneEvent.Volume);
            Assert.Equal(durations[i], telephoneEvent.Duration);
        }

        Assert.Equal(707, sender.NextSequenceNumber);
    }

    [Fact]
    public void Packet_bytes_are_exact()
    {
        var sender = new TelephoneEventSender('#', TimeSpan.FromMilliseconds(40), ssrc: 0x0E05384E, firstSequenceNumber: 0x1F30, timestamp: 0x33E0);
        var packet = new byte[TelephoneEventSender.PacketSize];

        sender.WritePacket(0, packet);
        Assert.Equal("80E51F30000033E00E05384E0B0A00A0", Convert.ToHexString(packet));
        sender.WritePacket(3, packet);
        Assert.Equal("80651F33000033E00E05384E0B8A0140", Convert.ToHexString(packet));
    }

    [Fact]
    public void Sequence_numbers_wrap_after_65535()
    {
        var sender = new TelephoneEventSender('1', TimeSpan.FromMilliseconds(60), 1, firstSequenceNumber: 65534, timestamp: 0);

        Assert.Equal(65534, sender.GetHeader(0).SequenceNumber);
        Assert.Equal(65535, sender.GetHeader(1).SequenceNumber);
        Assert.Equal(0, sender.GetHeader(2).SequenceNumber);
        Assert.Equal(3, sender.NextSequenceNumber);
    }

    [Fact]
    public void Key_shorter_than_a_frame_is_only_the_end_packets()
    {
        var sender = new TelephoneEventSender('A', TimeSpan.FromMilliseconds(10), 1, 1, 1);

        Assert.Equal(3, sender.PacketCount);
        Assert.True(sender.GetHeader(0).Marker);
        Assert.True(sender.GetEvent(0).End);
        Assert.Equal(80, sender.GetEvent(2).Duration);
    }

    [Fact]
    public void Sent_packets_are_received_as_one_key_press_each()
    {
        var receiver = new TelephoneEventReceiver();
        var packet = new byte[TelephoneEventSender.PacketSize];
        string received = string.Empty;
        ushort seq = 1;
        uint timestamp = 0;
        foreach (char key in "0123456789*#ABCD55")
        {
            var sender = new TelephoneEventSender(key, TimeSpan.FromMilliseconds(160), 0xFEED, seq, timestamp);
            for (int i = 0; i < sender.PacketCount; i++)
            {
                sender.WritePacket(i, packet);
                RtpHeader.TryParse(packet, out RtpHeader header, out ReadOnlySpan<byte> payload);
                if (receiver.TryReceive(header, payload, out DtmfDigit digit))
                {
                    received += digit.Digit;
                }
            }

            seq = sender.NextSequenceNumber;
            timestamp += (uint)(sender.PacketCount + 10) * 160;
        }

        Assert.Equal("0123456789*#ABCD55", received);
    }

    [Fact]
    public void Writing_packets_allocates_nothing()
    {
        var sender = new TelephoneEventSender('9', TimeSpan.FromMilliseconds(200), 1, 1, 1);
        var packet = new byte[TelephoneEventSender.PacketSize];
        sender.WritePacket(0, packet);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < sender.PacketCount; i++)
        {
            sender.WritePacket(i, packet);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    [Fact]
    public void Invalid_arguments_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new TelephoneEventSender('E', TimeSpan.FromMilliseconds(100), 1, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TelephoneEventSender('1', TimeSpan.Zero, 1, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TelephoneEventSender('1', TimeSpan.FromSeconds(9), 1, 1, 1));
        var sender = new TelephoneEventSender('1', TimeSpan.FromMilliseconds(100), 1, 1, 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => sender.GetHeader(sender.PacketCount));
        Assert.Throws<ArgumentException>(() => sender.WritePacket(0, new byte[15]));
    }
}
