using CallMyWay.Voice.Telephony.Media.Codecs;
using CallMyWay.Voice.Telephony.Media.Prompts;
using CallMyWay.Voice.Telephony.Tests.Media.Engine;

namespace CallMyWay.Voice.Telephony.Tests.Media.Prompts;

public sealed class PromptTests
{
    [Fact]
    public void Stereo_44100_hz_wav_becomes_8000_hz_mono_with_its_pitch_and_length()
    {
        using MemoryStream wave = TestWaves.Pcm16(44100, 2, 1.0, 1000);

        Prompt prompt = Prompt.FromWave("welcome", wave);

        Assert.Equal(8000, prompt.SampleCount);
        Assert.Equal(TimeSpan.FromSeconds(1), prompt.Duration);
        Assert.Equal(50, prompt.FrameCount);
        Assert.InRange(TestWaves.Cycles(prompt.Pcm.Span), 995, 1005);

        // Half scale in, half scale out: the mix-down averages two equal channels.
        double rms = TestAudio.Rms(prompt.Pcm.Span[400..7600]);
        Assert.InRange(rms, 0.5 * 32767 / Math.Sqrt(2) * 0.95, 0.5 * 32767 / Math.Sqrt(2) * 1.05);
    }

    [Fact]
    public void Payloads_are_encoded_once_for_pcmu_and_pcma()
    {
        using MemoryStream wave = TestWaves.Pcm16(8000, 1, 0.1, 440);
        Prompt prompt = Prompt.FromWave("tone", wave);

        Assert.True(prompt.TryGetPayload(PcmuCodec.Instance, out byte[]? pcmu));
        Assert.True(prompt.TryGetPayload(PcmaCodec.Instance, out byte[]? pcma));
        Assert.Equal(TestAudio.Encode(PcmuCodec.Instance, prompt.Pcm.Span), pcmu);
        Assert.Equal(TestAudio.Encode(PcmaCodec.Instance, prompt.Pcm.Span), pcma);
        Assert.True(prompt.TryGetPayload(PcmuCodec.Instance, out byte[]? again));
        Assert.Same(pcmu, again);
    }

    [Theory]
    [InlineData(16000, 1)]
    [InlineData(48000, 6)]
    [InlineData(8000, 2)]
    public void Float_wavs_of_any_rate_and_channel_count_are_converted(int sampleRate, int channels)
    {
        using MemoryStream wave = TestWaves.Float(sampleRate, channels, 0.5, 500);

        Prompt prompt = Prompt.FromWave("float", wave);

        Assert.Equal(4000, prompt.SampleCount);
        Assert.InRange(TestWaves.Cycles(prompt.Pcm.Span), 247, 253);
    }

    [Fact]
    public void Mu_law_wav_is_decoded_sample_for_sample()
    {
        byte[] encoded = TestAudio.Encode(PcmuCodec.Instance, TestAudio.Sine(300, 9000, 1600));

        Prompt prompt = Prompt.FromWave("ulaw", TestWaves.MuLaw(encoded));

        Assert.Equal(TestAudio.Decode(PcmuCodec.Instance, encoded), prompt.Pcm.ToArray());
    }

    [Fact]
    public void Pcm_prompt_keeps_its_samples_and_rounds_frames_up()
    {
        Prompt prompt = Prompt.FromPcm("beep", TestAudio.Sine(1000, 8000, 170));

        Assert.Equal(170, prompt.SampleCount);
        Assert.Equal(2, prompt.FrameCount);
        Assert.Equal("beep (0.02 s)", prompt.ToString());
    }

    [Fact]
    public void A_file_that_is_not_wav_is_refused()
    {
        using var notWave = new MemoryStream("this is not a RIFF file at all"u8.ToArray());

        Assert.ThrowsAny<FormatException>(() => Prompt.FromWave("bad", notWave));
    }
}
