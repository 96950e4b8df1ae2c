using CallMyWay.Voice.Telephony.Media.Codecs;
using CallMyWay.Voice.Telephony.Media.Dtmf;
using CallMyWay.Voice.Telephony.Media.Engine;
using CallMyWay.Voice.Telephony.Sdp;

namespace CallMyWay.Voice.Telephony.Tests.Media.Engine;

public sealed class MediaBridgeTests : IDisposable
{
    private readonly MediaTestHarness _harness = new(24400, 24499);
    private readonly TestPeer _peerA = new();
    private readonly TestPeer _peerB = new();

    public void Dispose()
    {
        _harness.Dispose();
        _peerA.Dispose();
        _peerB.Dispose();
    }

    [Fact]
    public async Task Pcmu_audio_from_one_leg_reaches_the_pcma_leg_transcoded()
    {
        using RtpSession legA = _harness.CreateSession(MediaTestHarness.Media(_peerA, RtpPayloadFormat.Pcmu));
        using RtpSession legB = _harness.CreateSession(MediaTestHarness.Media(_peerB, RtpPayloadFormat.Pcma));
        using MediaBridge bridge = _harness.Engine.Bridge(legA, legB);

        List<byte[]> sent = await SpeakAsync(_peerA, legA, PcmuCodec.Instance, frames: 10);
        List<ReceivedRtp> received = await _peerB.ReceiveRtpAsync(10);

        for (int i = 0; i < 10; i++)
        {
            Assert.Equal(PcmaCodec.StaticPayloadType, received[i].Header.PayloadType);
            var expected = new byte[160];
            G711Transcoder.PcmuToPcma(sent[i], expected);
            Assert.Equal(expected, received[i].Payload);
        }

        double sentEnergy = TestAudio.Rms(sent.SelectMany(p => TestAudio.Decode(PcmuCodec.Instance, p)).ToArray());
        double receivedEnergy = TestAudio.Rms(received.SelectMany(p => TestAudio.Decode(PcmaCodec.Instance, p.Payload)).ToArray());
        Assert.InRange(receivedEnergy, sentEnergy * 0.97, sentEnergy * 1.03);
        Assert.True(bridge.IsActive);
    }

    [Fact]
    public async Task Pcma_audio_goes_the_other_way_too()
    {
        using RtpSession legA = _harness.CreateSession(MediaTestHarness.Media(_peerA, RtpPayloadFormat.Pcmu));
        using RtpSession legB = _harness.CreateSession(MediaTestHarness.Media(_peerB, RtpPayloadFormat.Pcma));
        using MediaBridge bridge = _harness.Engine.Bridge(legA, legB);

        List<byte[]> sent = await SpeakAsync(_peerB, legB, PcmaCodec.Instance, frames: 6);
        List<ReceivedRtp> received = await _peerA.ReceiveRtpAsync(6);

        // Leg A ticks before leg B, so B's frames reach A one tick later.
        Assert.All(received[0].Payload, b => Assert.Equal(0xFF, b));
        for (int i = 1; i < 6; i++)
        {
            var expected = new byte[160];
            G711Transcoder.PcmaToPcmu(sent[i - 1], expected);
            Assert.Equal(expected, received[i].Payload);
        }
    }

    [Fact]
    public async Task Payloads_pass_untouched_between_legs_of_the_same_codec()
    {
        using RtpSession legA = _harness.CreateSession(MediaTestHarness.Media(_peerA));
        using RtpSession legB = _harness.CreateSession(MediaTestHarness.Media(_peerB));
        using MediaBridge bridge = _harness.Engine.Bridge(legA, legB);

        List<byte[]> sent = await SpeakAsync(_peerA, legA, PcmuCodec.Instance, frames: 4, random: true);
        List<ReceivedRtp> received = await _peerB.ReceiveRtpAsync(4);

        Assert.Equal(sent, received.Select(p => p.Payload));
    }

    [Fact]
    public async Task A_key_pressed_on_one_leg_is_sent_as_rfc4733_on_the_other()
    {
        using RtpSession legA = _harness.CreateSession(MediaTestHarness.Media(_peerA, RtpPayloadFormat.Pcmu));
        using RtpSession legB = _harness.CreateSession(MediaTestHarness.Media(_peerB, RtpPayloadFormat.Pcma));
        using MediaBridge bridge = _harness.Engine.Bridge(legA, legB);

        foreach (byte[] packet in TestAudio.KeyPress('5', 1, 160, 0xA1A1))
        {
            _peerA.Send(packet, legA.Ports.RtpPort);
        }

        await Eventually.True(() => legB.PendingDigits == 1, "the relayed key");
        _harness.Tick(12);
        List<ReceivedRtp> received = await _peerB.ReceiveRtpAsync(12);

        var receiver = new TelephoneEventReceiver();
        var keys = new List<char>();
        foreach (ReceivedRtp packet in received.Where(p => p.Header.PayloadType == 101))
        {
            if (receiver.TryReceive(packet.Header, packet.Payload, out DtmfDigit digit))
            {
                keys.Add(digit.Digit);
            }
        }

        Assert.Equal(['5'], keys);
        Assert.Equal(10, received.Count(p => p.Header.PayloadType == 101));
        Assert.Equal('5', (await Eventually.Within(legA.Digits.ReadAsync().AsTask())).Digit);
    }

    [Fact]
    public async Task Separated_legs_go_back_to_silence_and_stop_relaying_keys()
    {
        using RtpSession legA = _harness.CreateSession(MediaTestHarness.Media(_peerA));
        using RtpSession legB = _harness.CreateSession(MediaTestHarness.Media(_peerB));
        MediaBridge bridge = _harness.Engine.Bridge(legA, legB);
        Assert.Throws<InvalidOperationException>(() => new MediaBridge(legA, legB));

        bridge.Dispose();
        Assert.False(bridge.IsActive);
        Assert.Null(legA.Source);
        Assert.True(legA.ReportSipInfoDigit('9'));

        Assert.Equal(0, legB.PendingDigits);
        await SpeakAsync(_peerA, legA, PcmuCodec.Instance, frames: 2);
        List<ReceivedRtp> received = await _peerB.ReceiveRtpAsync(2);
        Assert.All(received, p => Assert.All(p.Payload, b => Assert.Equal(0xFF, b)));
    }

    // The peer sends two frames, the test waits for the leg to hold them, then ticks twice.
    private async Task<List<byte[]>> SpeakAsync(TestPeer peer, RtpSession leg, IAudioCodec codec, int frames, bool random = false)
    {
        var sent = new List<byte[]>();
        var generator = new Random(7);
        for (int i = 0; i < frames; i += 2)
        {
            long before = leg.GetStatistics().PacketsReceived;
            for (int j = i; j < i + 2; j++)
            {
                byte[] payload = TestAudio.Encode(codec, TestAudio.Sine(1000, 8000, 160, j * 160));
                if (random)
                {
                    generator.NextBytes(payload);
                }

                sent.Add(payload);
                peer.Send(TestAudio.Rtp(codec.PayloadType, (ushort)j, (uint)j * 160, 0xB0B0, payload), leg.Ports.RtpPort);
            }

            await Eventually.True(() => leg.GetStatistics().PacketsReceived == before + 2, "two frames");
            _harness.Tick(2);
        }

        return sent;
    }
}
