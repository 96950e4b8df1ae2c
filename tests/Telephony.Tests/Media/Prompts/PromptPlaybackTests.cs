using CallMyWay.Voice.Telephony.Media.Codecs;
using CallMyWay.Voice.Telephony.Media.Dtmf;
using CallMyWay.Voice.Telephony.Media.Engine;
using CallMyWay.Voice.Telephony.Media.Prompts;
using CallMyWay.Voice.Telephony.Sdp;
using CallMyWay.Voice.Telephony.Tests.Media.Engine;

namespace CallMyWay.Voice.Telephony.Tests.Media.Prompts;

public sealed class PromptPlaybackTests : IDisposable
{
    private readonly MediaTestHarness _harness = new(24200, 24299);
    private readonly TestPeer _peer = new();

    public void Dispose()
    {
        _harness.Dispose();
        _peer.Dispose();
    }

    [Fact]
    public async Task A_44100_hz_stereo_prompt_plays_as_its_frames_then_silence()
    {
        Prompt prompt = Prompt.FromWave("welcome", TestWaves.Pcm16(44100, 2, 1.0, 1000));
        using RtpSession session = _harness.CreateSession(MediaTestHarness.Media(_peer, RtpPayloadFormat.Pcma));

        Task<PromptQueueResult> drained = session.Prompts.PlayAsync(prompt);
        _harness.Tick(55);
        List<ReceivedRtp> packets = await _peer.ReceiveRtpAsync(55);

        Assert.True(prompt.TryGetPayload(PcmaCodec.Instance, out byte[]? encoded));
        for (int i = 0; i < 50; i++)
        {
            Assert.Equal(PcmaCodec.StaticPayloadType, packets[i].Header.PayloadType);
            Assert.Equal(encoded.AsSpan(i * 160, 160).ToArray(), packets[i].Payload);
        }

        byte silence = PcmaCodec.EncodeSample(0);
        Assert.All(packets[50..], p => Assert.All(p.Payload, b => Assert.Equal(silence, b)));
        Assert.Equal(new PromptQueueResult(PromptStopReason.Completed, 1), await Eventually.Within(drained));
    }

    [Fact]
    public async Task A_key_stops_a_barge_in_prompt_and_still_reaches_the_digit_stream()
    {
        Prompt prompt = Prompt.FromPcm("menu", TestAudio.Sine(600, 8000, 8000 * 5));
        using RtpSession session = _harness.CreateSession(MediaTestHarness.Media(_peer));
        Task<PromptQueueResult> drained = session.Prompts.PlayAsync([prompt, prompt]);
        _harness.Tick(5);
        await _peer.ReceiveRtpAsync(5);

        foreach (byte[] packet in TestAudio.KeyPress('2', 1, 800, 0x9999))
        {
            _peer.Send(packet, session.Ports.RtpPort);
        }

        PromptQueueResult result = await Eventually.Within(drained);
        DtmfDigit digit = await Eventually.Within(session.Digits.ReadAsync().AsTask());
        _harness.Tick();
        ReceivedRtp after = await _peer.ReceiveRtpAsync();

        Assert.Equal(PromptStopReason.BargedIn, result.Reason);
        Assert.Equal('2', result.BargeInDigit?.Digit);
        Assert.Equal(new DtmfDigit('2', DtmfSource.Rfc4733), digit);
        Assert.All(after.Payload, b => Assert.Equal(0xFF, b));
    }

    [Fact]
    public async Task A_pcm_source_is_encoded_and_sent_when_no_prompt_plays()
    {
        using RtpSession session = _harness.CreateSession(MediaTestHarness.Media(_peer));
        var source = new ToneSource();
        session.Source = source;
        session.Prompts.Enqueue(Prompt.FromPcm("beep", new short[160]));

        _harness.Tick(3);
        List<ReceivedRtp> packets = await _peer.ReceiveRtpAsync(3);

        Assert.All(packets[0].Payload, b => Assert.Equal(0xFF, b));
        Assert.Equal(TestAudio.Encode(PcmuCodec.Instance, TestAudio.Sine(1000, 5000, 160, 0)), packets[1].Payload);
        Assert.Equal(TestAudio.Encode(PcmuCodec.Instance, TestAudio.Sine(1000, 5000, 160, 160)), packets[2].Payload);
    }

    private sealed class ToneSource : IAudioSource
    {
        private int _position;

        public int Read(Span<short> frame)
        {
            TestAudio.Sine(1000, 5000, frame.Length, _position).CopyTo(frame);
            _position += frame.Length;
            return frame.Length;
        }
    }
}
