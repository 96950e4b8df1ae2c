using CallMyWay.Voice.Telephony.Media.Rtp;

namespace CallMyWay.Voice.Telephony.Tests.Media.Rtp;

public sealed class RtpSequenceTrackerTests
{
    [Fact]
    public void New_source_is_on_probation_until_two_packets_arrive_in_sequence()
    {
        var tracker = new RtpSequenceTracker();

        Assert.False(tracker.Update(1000));
        Assert.False(tracker.IsValid);
        Assert.True(tracker.Update(1001));
        Assert.True(tracker.IsValid);
        for (ushort seq = 1002; seq < 1100; seq++)
        {
            Assert.True(tracker.Update(seq));
        }

        Assert.Equal(1001u, tracker.BaseSequence);
        Assert.Equal(1099u, tracker.ExtendedHighestSequence);
        Assert.Equal(99, tracker.PacketsReceived);
        Assert.Equal(99, tracker.PacketsExpected);
        Assert.Equal(0, tracker.CumulativeLost);
    }

    [Fact]
    public void Packets_out_of_sequence_during_probation_do_not_validate_the_source()
    {
        var tracker = new RtpSequenceTracker();

        Assert.False(tracker.Update(10));
        Assert.False(tracker.Update(500));
        Assert.False(tracker.Update(20));

        Assert.False(tracker.IsValid);
        Assert.Equal(0, tracker.PacketsReceived);
    }

    [Fact]
    public void Sequence_wrap_at_65535_extends_the_highest_sequence()
    {
        var tracker = new RtpSequenceTracker(minSequential: 1);
        ushort seq = 65530;
        for (int i = 0; i < 20; i++, seq++)
        {
            Assert.True(tracker.Update(seq));
        }

        Assert.Equal(65536u + 13, tracker.ExtendedHighestSequence);
        Assert.Equal(20, tracker.PacketsReceived);
        Assert.Equal(20, tracker.PacketsExpected);
        Assert.Equal(0, tracker.CumulativeLost);
    }

    [Fact]
    public void Missing_packets_count_as_lost_and_as_fraction_of_the_interval()
    {
        var tracker = new RtpSequenceTracker(minSequential: 1);
        for (ushort seq = 0; seq < 100; seq++)
        {
            if (seq is not (10 or 20 or 30 or 40 or 50))
            {
                tracker.Update(seq);
            }
        }

        Assert.Equal(5, tracker.CumulativeLost);
        Assert.Equal(5 * 256 / 100, tracker.TakeFractionLost());

        for (ushort seq = 100; seq < 200; seq++)
        {
            tracker.Update(seq);
        }

        Assert.Equal(0, tracker.TakeFractionLost());
        Assert.Equal(5, tracker.CumulativeLost);
    }

    [Fact]
    public void Loss_is_counted_across_a_wrap()
    {
        var tracker = new RtpSequenceTracker(minSequential: 1);
        tracker.Update(65534);
        tracker.Update(65535);
        tracker.Update(2);

        Assert.Equal(65536u + 2, tracker.ExtendedHighestSequence);
        Assert.Equal(5, tracker.PacketsExpected);
        Assert.Equal(2, tracker.CumulativeLost);
    }

    [Fact]
    public void Reordered_packets_are_not_lost_and_duplicates_make_loss_negative()
    {
        var tracker = new RtpSequenceTracker(minSequential: 1);
        foreach (ushort seq in new ushort[] { 1, 2, 4, 3, 5 })
        {
            Assert.True(tracker.Update(seq));
        }

        Assert.Equal(5u, tracker.ExtendedHighestSequence);
        Assert.Equal(0, tracker.CumulativeLost);

        tracker.Update(5);

        Assert.Equal(-1, tracker.CumulativeLost);
    }

    [Fact]
    public void Reordering_across_the_wrap_does_not_add_a_cycle()
    {
        var tracker = new RtpSequenceTracker(minSequential: 1);
        foreach (ushort seq in new ushort[] { 65533, 65534, 0, 65535, 1 })
        {
            tracker.Update(seq);
        }

        Assert.Equal(65536u + 1, tracker.ExtendedHighestSequence);
        Assert.Equal(0, tracker.CumulativeLost);
    }

    [Fact]
    public void A_large_jump_is_a_restart_only_when_the_next_packet_follows_it()
    {
        var tracker = new RtpSequenceTracker(minSequential: 1);
        for (ushort seq = 100; seq <= 110; seq++)
        {
            tracker.Update(seq);
        }

        Assert.False(tracker.Update(40000));
        Assert.Equal(110u, tracker.ExtendedHighestSequence);

        Assert.True(tracker.Update(40001));
        Assert.Equal(40001u, tracker.ExtendedHighestSequence);
        Assert.Equal(40001u, tracker.BaseSequence);
        Assert.Equal(1, tracker.PacketsReceived);
    }

    [Fact]
    public void A_single_stray_packet_far_away_is_ignored()
    {
        var tracker = new RtpSequenceTracker(minSequential: 1);
        for (ushort seq = 100; seq <= 110; seq++)
        {
            tracker.Update(seq);
        }

        Assert.False(tracker.Update(30000));
        Assert.True(tracker.Update(111));

        Assert.Equal(111u, tracker.ExtendedHighestSequence);
        Assert.Equal(12, tracker.PacketsReceived);
        Assert.Equal(0, tracker.CumulativeLost);
    }

    [Fact]
    public void Constant_transit_time_gives_zero_jitter()
    {
        var tracker = new RtpSequenceTracker(minSequential: 1);
        uint timestamp = 0xFFFF0000; // the RTP clock wraps during the stream
        uint arrival = 12345;
        for (int i = 0; i < 500; i++)
        {
            tracker.Update((ushort)i, timestamp, arrival);
            timestamp += 160;
            arrival += 160;
        }

        Assert.Equal(0u, tracker.Jitter);
    }

    [Fact]
    public void Jitter_follows_the_rfc_3550_estimator_on_alternating_delay()
    {
        var tracker = new RtpSequenceTracker(minSequential: 1);
        double expected = 0;
        uint timestamp = 1000;
        for (int i = 0; i < 300; i++)
        {
            // Every other packet arrives 10 ms (80 units) late: |D| is 80 for every packet after the first.
            uint arrival = 5000 + ((uint)i * 160) + (i % 2 == 1 ? 80u : 0u);
            tracker.Update((ushort)(7 + i), timestamp, arrival);
            if (i > 0)
            {
                expected += (80 - expected) / 16;
            }

            Assert.InRange(tracker.Jitter, (uint)Math.Max(0, expected - 1), (uint)(expected + 1));
            timestamp += 160;
        }

        Assert.InRange(tracker.Jitter, 78u, 80u);
    }

    [Fact]
    public void Report_block_carries_the_statistics_and_starts_a_new_loss_interval()
    {
        var tracker = new RtpSequenceTracker(minSequential: 1);
        for (ushort seq = 0; seq < 50; seq++)
        {
            if (seq % 10 != 9)
            {
                tracker.Update(seq, (uint)seq * 160, 100 + ((uint)seq * 160));
            }
        }

        RtcpReportBlock block = tracker.CreateReportBlock(0xCAFE, lastSenderReport: 0x12345678, delaySinceLastSenderReport: 65536);

        Assert.Equal(0xCAFEu, block.Ssrc);
        Assert.Equal(48u, block.ExtendedHighestSequence);
        Assert.Equal(4, block.CumulativeLost);
        Assert.Equal(4 * 256 / 49, block.FractionLost);
        Assert.Equal(0u, block.Jitter);
        Assert.Equal(0x12345678u, block.LastSenderReport);
        Assert.Equal(65536u, block.DelaySinceLastSenderReport);
        Assert.Equal(0, tracker.CreateReportBlock(0xCAFE).FractionLost);
    }

    [Fact]
    public void Steady_state_updates_allocate_nothing()
    {
        var tracker = new RtpSequenceTracker();
        for (int i = 0; i < 100; i++)
        {
            tracker.Update((ushort)i, (uint)i * 160, (uint)i * 160);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 100; i < 10_000; i++)
        {
            tracker.Update((ushort)i, (uint)i * 160, (uint)i * 160);
        }

        tracker.CreateReportBlock(1);
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }
}
