using System.Net;
using CallMyWay.Voice.Telephony.Media.Codecs;
using CallMyWay.Voice.Telephony.Media.Dtmf;
using CallMyWay.Voice.Telephony.Media.Engine;
using CallMyWay.Voice.Telephony.Media.Rtp;
using CallMyWay.Voice.Telephony.Sdp;
using CallMyWay.Voice.Telephony.Tests.Media.Dtmf;

namespace CallMyWay.Voice.Telephony.Tests.Media.Engine;

public sealed class RtpSessionTests : IDisposable
{
    private readonly MediaTestHarness _harness = new(24000, 24199);
    private readonly TestPeer _peer = new();

    public void Dispose()
    {
        _harness.Dispose();
        _peer.Dispose();
    }

    [Fact]
    public async Task Session_sends_160_byte_pcmu_frames_with_increasing_sequence_and_timestamp()
    {
        using RtpSession session = _harness.CreateSession(MediaTestHarness.Media(_peer));

        _harness.Tick(5);
        List<ReceivedRtp> packets = await _peer.ReceiveRtpAsync(5);

        for (int i = 0; i < packets.Count; i++)
        {
            RtpHeader header = packets[i].Header;
            Assert.Equal(PcmuCodec.StaticPayloadType, header.PayloadType);
            Assert.Equal(session.Ssrc, header.Ssrc);
            Assert.Equal(i == 0, header.Marker);
            Assert.Equal(160, packets[i].Payload.Length);
            Assert.All(packets[i].Payload, b => Assert.Equal(0xFF, b));
            Assert.Equal((ushort)(packets[0].Header.SequenceNumber + i), header.SequenceNumber);
            Assert.Equal(unchecked(packets[0].Header.Timestamp + (uint)(160 * i)), header.Timestamp);
        }

        Assert.Equal(5, session.GetStatistics().PacketsSent);
        Assert.Equal(800, session.GetStatistics().OctetsSent);
    }

    [Fact]
    public async Task Session_latches_to_the_source_of_the_peers_rtp()
    {
        // The SDP names a decoy, as a peer behind NAT names its private address.
        using var decoy = new TestPeer();
        using RtpSession session = _harness.CreateSession(MediaTestHarness.Media(_peer, remoteRtpPort: decoy.RtpPort));
        _harness.Tick();
        await decoy.ReceiveRtpAsync();

        _peer.Send(TestAudio.Rtp(0, 1, 160, 0x1234, new byte[160]), session.Ports.RtpPort);
        await Eventually.True(() => session.IsLatched, "the latch");
        _harness.Tick(3);
        await _peer.ReceiveRtpAsync(3);

        Assert.False(decoy.HasPendingRtp);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, _peer.RtpPort), session.RemoteEndPoint);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, _peer.RtpPort), session.GetStatistics().LatchedEndPoint);
    }

    [Fact]
    public async Task Packets_from_a_second_source_are_dropped_and_counted()
    {
        using var intruder = new TestPeer();
        using RtpSession session = _harness.CreateSession(MediaTestHarness.Media(_peer));
        _peer.Send(TestAudio.Rtp(0, 1, 160, 0x1234, new byte[160]), session.Ports.RtpPort);
        await Eventually.True(() => session.IsLatched, "the latch");

        for (ushort seq = 1; seq <= 3; seq++)
        {
            intruder.Send(TestAudio.Rtp(0, seq, seq * 160u, 0x1234, new byte[160]), session.Ports.RtpPort);
        }

        await Eventually.True(() => session.GetStatistics().DroppedFromOtherSources == 3, "three drops");
        RtpSessionStatistics statistics = session.GetStatistics();
        Assert.Equal(1, statistics.PacketsReceived);
        Assert.Equal(0x1234u, statistics.RemoteSsrc);
    }

    [Fact]
    public async Task Audio_with_another_ssrc_is_dropped_until_the_peers_stream_went_quiet()
    {
        using RtpSession session = _harness.CreateSession(MediaTestHarness.Media(_peer), start: false);
        _peer.Send(TestAudio.Rtp(0, 1, 160, 0x1111, new byte[160]), session.Ports.RtpPort);
        _peer.Send(TestAudio.Rtp(0, 1, 160, 0x2222, new byte[160]), session.Ports.RtpPort);
        await Eventually.True(() => session.GetStatistics().DroppedOtherSsrc == 1, "the foreign SSRC dropped");

        _harness.Time.Advance(TimeSpan.FromSeconds(1));
        _peer.Send(TestAudio.Rtp(0, 2, 320, 0x2222, new byte[160]), session.Ports.RtpPort);

        await Eventually.True(() => session.GetStatistics().RemoteSsrc == 0x2222, "the new stream adopted");
        Assert.Equal(2, session.GetStatistics().PacketsReceived);
    }

    [Fact]
    public async Task Sipp_digits_with_their_own_ssrc_from_the_latched_source_arrive_once_each()
    {
        using RtpSession session = _harness.CreateSession(MediaTestHarness.Media(_peer));
        for (ushort seq = 0; seq < 5; seq++)
        {
            _peer.Send(TestAudio.Rtp(0, seq, seq * 160u, 0xAAAA0001, new byte[160]), session.Ports.RtpPort);
        }

        foreach (byte[] packet in RtpTestPackets.FromHex(
            SippDigitCaptures.Digit1, SippDigitCaptures.Digit2, SippDigitCaptures.Digit3, SippDigitCaptures.Digit4, SippDigitCaptures.Pound))
        {
            _peer.Send(packet, session.Ports.RtpPort);
        }

        Assert.Equal("1234#", await ReadDigitsAsync(session, 5));
        Assert.Equal(0, session.GetStatistics().DroppedOtherSsrc);
        Assert.Equal(0xAAAA0001u, session.GetStatistics().RemoteSsrc);
        await AssertNoMoreDigitsAsync(session);
    }

    [Fact]
    public async Task Digits_in_the_audio_stream_with_retransmitted_ends_arrive_once_each()
    {
        using RtpSession session = _harness.CreateSession(MediaTestHarness.Media(_peer));
        ushort seq = 100;
        uint timestamp = 8000;
        foreach (char digit in "90*")
        {
            foreach (byte[] packet in TestAudio.KeyPress(digit, seq, timestamp, 0x5150))
            {
                _peer.Send(packet, session.Ports.RtpPort);
            }

            seq += 5;
            timestamp += 1600;
            _peer.Send(TestAudio.Rtp(0, seq++, timestamp, 0x5150, new byte[160]), session.Ports.RtpPort);
        }

        Assert.Equal("90*", await ReadDigitsAsync(session, 3));
        await AssertNoMoreDigitsAsync(session);
    }

    [Fact]
    public async Task Inband_tones_are_detected()
    {
        using RtpSession session = _harness.CreateSession(MediaTestHarness.Media(_peer, telephoneEvent: null));
        ushort seq = 0;
        foreach (char digit in "59")
        {
            SendAudio(session, TestAudio.Tone(digit, 800), ref seq);
            SendAudio(session, new short[800], ref seq);
        }

        DtmfDigit first = await Eventually.Within(session.Digits.ReadAsync().AsTask());
        DtmfDigit second = await Eventually.Within(session.Digits.ReadAsync().AsTask());

        Assert.Equal(new DtmfDigit('5', DtmfSource.InBand), first);
        Assert.Equal(new DtmfDigit('9', DtmfSource.InBand), second);
    }

    [Fact]
    public async Task A_key_sent_both_as_events_and_as_tones_is_reported_once()
    {
        using RtpSession session = _harness.CreateSession(MediaTestHarness.Media(_peer));
        ushort seq = 0;
        foreach (byte[] packet in TestAudio.KeyPress('5', 500, 16000, 0x7777))
        {
            _peer.Send(packet, session.Ports.RtpPort);
        }

        SendAudio(session, TestAudio.Tone('5', 800), ref seq, ssrc: 0x7777);
        foreach (byte[] packet in TestAudio.KeyPress('7', 600, 32000, 0x7777))
        {
            _peer.Send(packet, session.Ports.RtpPort);
        }

        Assert.Equal("57", await ReadDigitsAsync(session, 2));
    }

    [Fact]
    public async Task Sip_info_keys_join_the_same_digit_stream()
    {
        using RtpSession session = _harness.CreateSession(MediaTestHarness.Media(_peer));

        Assert.True(session.ReportSipInfoDigit('3'));
        Assert.False(session.ReportSipInfoDigit('x'));
        Assert.True(session.ReportSipInfo("application/dtmf-relay", "Signal=#\r\nDuration=160\r\n"u8));
        foreach (byte[] packet in TestAudio.KeyPress('8', 10, 1600, 0x4242))
        {
            _peer.Send(packet, session.Ports.RtpPort);
        }

        Assert.Equal("3#8", await ReadDigitsAsync(session, 3));

        // The same key by INFO right after the event is the phone sending it both ways.
        Assert.True(session.ReportSipInfoDigit('8'));
        Assert.True(session.ReportSipInfoDigit('4'));
        DtmfDigit next = await Eventually.Within(session.Digits.ReadAsync().AsTask());
        Assert.Equal(new DtmfDigit('4', DtmfSource.SipInfo), next);
    }

    [Fact]
    public async Task Sent_digit_replaces_audio_with_rfc4733_events_then_audio_resumes()
    {
        using RtpSession session = _harness.CreateSession(MediaTestHarness.Media(_peer));
        _harness.Tick();
        ReceivedRtp audio = await _peer.ReceiveRtpAsync();

        Assert.True(session.SendDigit('5', TimeSpan.FromMilliseconds(100)));
        Assert.False(session.SendDigit('x'));
        _harness.Tick(10);
        List<ReceivedRtp> packets = await _peer.ReceiveRtpAsync(10);

        // 100 ms = 5 frames: 4 updates and the end packet three times, then two silent frames and audio.
        var receiver = new TelephoneEventReceiver();
        string digits = string.Empty;
        for (int i = 0; i < 7; i++)
        {
            Assert.Equal(101, packets[i].Header.PayloadType);
            Assert.Equal(i == 0, packets[i].Header.Marker);
            Assert.Equal(packets[0].Header.Timestamp, packets[i].Header.Timestamp);
            Assert.True(TelephoneEvent.TryParse(packets[i].Payload, out TelephoneEvent telephoneEvent));
            Assert.Equal(i >= 4, telephoneEvent.End);
            if (receiver.TryReceive(packets[i].Header, packets[i].Payload, out DtmfDigit digit))
            {
                digits += digit.Digit;
            }
        }

        Assert.Equal("5", digits);
        Assert.Equal(unchecked(audio.Header.Timestamp + 160u), packets[0].Header.Timestamp);
        for (int i = 7; i < 10; i++)
        {
            Assert.Equal(0, packets[i].Header.PayloadType);
            Assert.Equal(unchecked(audio.Header.Timestamp + (uint)(160 * (i + 1))), packets[i].Header.Timestamp);
        }

        for (int i = 0; i < 10; i++)
        {
            Assert.Equal((ushort)(audio.Header.SequenceNumber + i + 1), packets[i].Header.SequenceNumber);
        }
    }

    [Fact]
    public async Task Without_telephone_event_a_sent_digit_is_played_as_tones()
    {
        using RtpSession session = _harness.CreateSession(MediaTestHarness.Media(_peer, telephoneEvent: null));

        session.SendDigits("7#");
        _harness.Tick(20);
        List<ReceivedRtp> packets = await _peer.ReceiveRtpAsync(20);

        var detector = new InbandDtmfDetector();
        var found = new List<char>();
        Span<char> keys = stackalloc char[4];
        foreach (ReceivedRtp packet in packets)
        {
            Assert.Equal(0, packet.Header.PayloadType);
            int count = detector.Process(TestAudio.Decode(PcmuCodec.Instance, packet.Payload), keys);
            found.AddRange(keys[..count].ToArray());
        }

        Assert.Equal(['7', '#'], found);
    }

    [Fact]
    public async Task Rtcp_reports_go_out_and_the_peers_reports_and_losses_are_counted()
    {
        using RtpSession session = _harness.CreateSession(
            MediaTestHarness.Media(_peer),
            new RtpSessionOptions { RtcpInterval = TimeSpan.FromSeconds(1) });
        foreach (ushort seq in new ushort[] { 1, 2, 4, 5 })
        {
            _peer.Send(TestAudio.Rtp(0, seq, seq * 160u, 0x3333, new byte[160]), session.Ports.RtpPort);
        }

        await Eventually.True(() => session.GetStatistics().PacketsReceived == 4, "four packets");
        _harness.Tick(100);
        byte[] report = await _peer.ReceiveRtcpAsync();

        var reader = new RtcpCompoundReader(report);
        Assert.True(reader.TryRead(out RtcpPacket first));
        Assert.Equal(RtcpPacketType.SenderReport, first.Type);
        Assert.Equal(session.Ssrc, first.Ssrc);
        Assert.True(first.TryFindReportBlock(0x3333, out RtcpReportBlock block));
        Assert.Equal(1, block.CumulativeLost);
        Assert.True(reader.TryRead(out RtcpPacket sdes));
        Assert.True(sdes.TryGetCname(out uint cnameSsrc, out ReadOnlySpan<byte> cname));
        Assert.Equal(session.Ssrc, cnameSsrc);
        Assert.Equal(16, cname.Length);
        Assert.Equal(1, session.GetStatistics().PacketsLost);

        var peerReport = new byte[64];
        int length = RtcpPacket.WriteReceiverReport(peerReport, 0x3333, new RtcpReportBlock(session.Ssrc, 64, 3, 1000, 80, 0, 0));
        _peer.SendRtcp(peerReport[..length], session.Ports.RtcpPort);
        await Eventually.True(() => session.GetStatistics().RtcpReceived == 1, "the peer's report");

        RtpSessionStatistics statistics = session.GetStatistics();
        Assert.Equal(0.25, statistics.PeerFractionLost);
        Assert.Equal(3, statistics.PeerCumulativeLost);
        Assert.Equal(TimeSpan.FromMilliseconds(10), statistics.PeerJitter);
        Assert.True(statistics.RtcpSent >= 1);
    }

    [Fact]
    public async Task On_hold_nothing_is_sent_and_resuming_starts_a_talkspurt()
    {
        using RtpSession session = _harness.CreateSession(MediaTestHarness.Media(_peer, direction: MediaDirection.RecvOnly));
        _harness.Tick(3);
        Assert.False(_peer.HasPendingRtp);

        session.UpdateMedia(MediaTestHarness.Media(_peer));
        _harness.Tick(2);
        List<ReceivedRtp> packets = await _peer.ReceiveRtpAsync(2);

        Assert.True(packets[0].Header.Marker);
        Assert.False(packets[1].Header.Marker);
        Assert.Equal(2, session.GetStatistics().PacketsSent);
    }

    [Fact]
    public async Task Disposing_sends_an_rtcp_bye_returns_the_ports_and_completes_the_digit_stream()
    {
        RtpSession session = _harness.CreateSession(MediaTestHarness.Media(_peer));
        _harness.Tick(2);
        await _peer.ReceiveRtpAsync(2);
        Assert.Equal(1, _harness.Engine.ActiveSessions);

        session.Dispose();
        byte[] goodbye = await _peer.ReceiveRtcpAsync();

        var reader = new RtcpCompoundReader(goodbye);
        Assert.True(reader.TryRead(out RtcpPacket report));
        Assert.Equal(RtcpPacketType.SenderReport, report.Type);
        Assert.True(reader.TryRead(out _));
        Assert.True(reader.TryRead(out RtcpPacket bye));
        Assert.Equal(RtcpPacketType.Goodbye, bye.Type);
        Assert.Equal(session.Ssrc, bye.Ssrc);
        Assert.Equal(0, _harness.Engine.ActiveSessions);
        Assert.Equal(0, _harness.Engine.Ports.InUse);
        Assert.Equal(0, _harness.Clock.StreamCount);
        await Eventually.Within(session.Digits.Completion.ContinueWith(_ => true, TaskScheduler.Default));
        Assert.False(session.SendDigit('1'));
    }

    private void SendAudio(RtpSession session, short[] pcm, ref ushort seq, uint ssrc = 0x6060)
    {
        for (int offset = 0; offset < pcm.Length; offset += 160)
        {
            byte[] payload = TestAudio.Encode(PcmuCodec.Instance, pcm.AsSpan(offset, 160));
            _peer.Send(TestAudio.Rtp(0, seq, seq * 160u, ssrc, payload), session.Ports.RtpPort);
            seq++;
        }
    }

    private static async Task<string> ReadDigitsAsync(RtpSession session, int count)
    {
        var digits = new System.Text.StringBuilder();
        for (int i = 0; i < count; i++)
        {
            DtmfDigit digit = await Eventually.Within(session.Digits.ReadAsync().AsTask());
            digits.Append(digit.Digit);
        }

        return digits.ToString();
    }

    private async Task AssertNoMoreDigitsAsync(RtpSession session)
    {
        // A key sent after everything else is read next only if nothing else was queued before it.
        foreach (byte[] packet in TestAudio.KeyPress('D', 9000, 900000, session.GetStatistics().RemoteSsrc ?? 1))
        {
            _peer.Send(packet, session.Ports.RtpPort);
        }

        Assert.Equal('D', (await Eventually.Within(session.Digits.ReadAsync().AsTask())).Digit);
    }
}
