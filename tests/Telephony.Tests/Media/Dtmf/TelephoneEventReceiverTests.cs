using CallMyWay.Voice.Telephony.Media.Dtmf;
using CallMyWay.Voice.Telephony.Media.Rtp;
using static CallMyWay.Voice.Telephony.Tests.Media.Dtmf.RtpTestPackets;

namespace CallMyWay.Voice.Telephony.Tests.Media.Dtmf;

public sealed class TelephoneEventReceiverTests
{
    [Fact]
    public void Sipp_digit_captures_as_shipped_give_each_key_once()
    {
        var receiver = new TelephoneEventReceiver();

        string digits = Feed(receiver, FromHex(
            SippDigitCaptures.Digit1, SippDigitCaptures.Digit2, SippDigitCaptures.Digit3, SippDigitCaptures.Digit4, SippDigitCaptures.Pound));

        Assert.Equal("1234#", digits);
    }

    [Fact]
    public void Sipp_like_digits_each_with_its_own_ssrc_and_sequence_give_each_key_once()
    {
        var receiver = new TelephoneEventReceiver();
        var datagrams = new List<byte[]>();
        uint audioTimestamp = 80_000;
        ushort audioSeq = 40_000;
        var random = new Random(4733);
        foreach (char key in "1234#")
        {
            for (int i = 0; i < 25; i++)
            {
                datagrams.Add(Audio(audioSeq++, audioTimestamp, 0xA0D10000));
                audioTimestamp += 160;
            }

            // Each capture: a fresh SSRC, sequence and timestamp, the end packet three times unchanged.
            uint ssrc = (uint)random.Next();
            ushort seq = (ushort)random.Next(65536);
            uint timestamp = (uint)random.Next();
            for (int i = 0; i < 7; i++)
            {
                datagrams.Add(Event(seq++, timestamp, ssrc, i == 0, key, end: false, (ushort)(i * 320)));
            }

            byte[] end = Event(seq, timestamp, ssrc, false, key, end: true, 2240);
            datagrams.AddRange([end, end, end]);
        }

        Assert.Equal("1234#", Feed(receiver, datagrams));
    }

    [Fact]
    public void Same_sipp_capture_played_twice_is_two_key_presses()
    {
        var receiver = new TelephoneEventReceiver();

        string digits = Feed(receiver, FromHex(SippDigitCaptures.Digit1, SippDigitCaptures.Digit1, SippDigitCaptures.Pound));

        Assert.Equal("11#", digits);
    }

    [Fact]
    public void Baresip_like_stream_with_audio_between_events_gives_each_key_once()
    {
        var receiver = new TelephoneEventReceiver();

        Assert.Equal("159#", Feed(receiver, BaresipStream("159#", ssrc: 0x6A7E5000, firstSeq: 65500, firstTimestamp: 0xFFFFF000)));
    }

    [Fact]
    public void Key_is_reported_at_its_first_packet()
    {
        var receiver = new TelephoneEventReceiver();
        int reportedAt = -1;
        int index = 0;
        foreach (byte[] datagram in BaresipStream("7", ssrc: 1, firstSeq: 1, firstTimestamp: 1))
        {
            RtpHeader.TryParse(datagram, out RtpHeader header, out ReadOnlySpan<byte> payload);
            if (receiver.TryReceive(header, payload, out DtmfDigit digit))
            {
                Assert.Equal('7', digit.Digit);
                Assert.Equal(-1, reportedAt);
                reportedAt = index;
                Assert.True(header.Marker);
                Assert.Equal(TimeSpan.FromMilliseconds(20), digit.Duration);
            }

            index++;
        }

        Assert.True(reportedAt >= 0);
    }

    [Fact]
    public void Same_digit_twice_in_a_row_with_two_timestamps_is_reported_twice()
    {
        var receiver = new TelephoneEventReceiver();

        Assert.Equal("55", Feed(receiver, BaresipStream("55", ssrc: 9, firstSeq: 100, firstTimestamp: 1000)));
    }

    [Fact]
    public void Key_whose_first_packets_were_lost_is_reported_at_its_end_packet_once()
    {
        var receiver = new TelephoneEventReceiver();
        byte[] end = Event(10, 5000, 3, false, '8', end: true, 800);

        Assert.Equal("8", Feed(receiver, [end, Event(11, 5000, 3, false, '8', end: true, 800), end]));
    }

    [Fact]
    public void Late_update_after_the_end_packet_is_not_a_new_press()
    {
        var receiver = new TelephoneEventReceiver();

        string digits = Feed(receiver,
        [
            Event(1, 5000, 3, true, '2', false, 160),
            Event(2, 5000, 3, false, '2', true, 480),
            Event(3, 5000, 3, false, '2', false, 320),
            Event(4, 5000, 3, false, '2', true, 480),
        ]);

        Assert.Equal("2", digits);
    }

    [Fact]
    public void Packets_of_other_payload_types_and_non_dtmf_events_are_ignored()
    {
        var receiver = new TelephoneEventReceiver(payloadType: 96);
        byte[] flash = Event(3, 100, 1, true, '0', false, 160, payloadType: 96);
        flash[RtpHeader.FixedSize] = 16; // RFC 4733 §3.2 event 16: flash

        string digits = Feed(receiver,
        [
            Event(1, 100, 1, true, '4', false, 160, payloadType: 101),
            Audio(2, 100, 1),
            flash,
            Event(4, 900, 1, true, '6', false, 160, payloadType: 96),
        ]);

        Assert.Equal("6", digits);
    }

    [Fact]
    public void Truncated_event_payload_is_ignored()
    {
        var receiver = new TelephoneEventReceiver();
        var header = new RtpHeader(101, 1, 2, 3, marker: true);

        Assert.False(receiver.TryReceive(header, new byte[] { 1, 0x0A, 0 }, out _));
    }

    [Fact]
    public void Long_event_continued_in_a_new_segment_is_one_key_press()
    {
        var receiver = new TelephoneEventReceiver();
        var datagrams = new List<byte[]>
        {
            Event(1, 10_000, 7, true, '0', false, 160),
            Event(2, 10_000, 7, false, '0', false, 65_440),
            Event(3, 10_000, 7, false, '0', false, 65_535),
            Event(4, 10_000 + 65_535, 7, false, '0', false, 160),
            Event(5, 10_000 + 65_535, 7, false, '0', true, 4_000),
            Event(6, 10_000 + 65_535, 7, false, '0', true, 4_000),
        };

        Assert.Equal("0", Feed(receiver, datagrams));
    }

    [Fact]
    public void Reset_forgets_the_keys_seen()
    {
        var receiver = new TelephoneEventReceiver();
        byte[] packet = Event(1, 100, 1, true, '3', false, 160);
        Feed(receiver, [packet]);

        receiver.Reset();

        Assert.Equal("3", Feed(receiver, [packet]));
    }

    [Fact]
    public void Steady_state_reception_allocates_nothing()
    {
        var receiver = new TelephoneEventReceiver();
        List<byte[]> datagrams = BaresipStream("0123456789*#ABCD", ssrc: 5, firstSeq: 1, firstTimestamp: 1);
        Feed(receiver, datagrams.Take(40));

        long before = GC.GetAllocatedBytesForCurrentThread();
        int reported = 0;
        foreach (byte[] datagram in datagrams)
        {
            RtpHeader.TryParse(datagram, out RtpHeader header, out ReadOnlySpan<byte> payload);
            if (receiver.TryReceive(header, payload, out _))
            {
                reported++;
            }
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.Equal(15, reported); // the first key was already seen during warm-up
    }

    /// <summary>
    /// What baresip 1.0.0 sends: one SSRC, audio every 20 ms throughout, and per key 14 updates
    /// (duration up to 2240) plus 3 end packets, every packet with the next sequence number.
    /// </summary>
    private static List<byte[]> BaresipStream(string keys, uint ssrc, ushort firstSeq, uint firstTimestamp)
    {
        var datagrams = new List<byte[]>();
        ushort seq = firstSeq;
        uint timestamp = firstTimestamp;
        foreach (char key in keys)
        {
            for (int i = 0; i < 15; i++)
            {
                datagrams.Add(Audio(seq++, timestamp, ssrc));
                timestamp += 160;
            }

            uint eventTimestamp = timestamp;
            for (int i = 0; i < 17; i++)
            {
                bool end = i >= 14;
                datagrams.Add(Event(seq++, eventTimestamp, ssrc, i == 0, key, end, (ushort)(end ? 2240 : (i + 1) * 160)));
                datagrams.Add(Audio(seq++, timestamp, ssrc));
                timestamp += 160;
            }
        }

        return datagrams;
    }
}
