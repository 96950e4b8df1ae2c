using CallMyWay.Voice.Telephony.Media.Dtmf;
using CallMyWay.Voice.Telephony.Media.Recording;
using CallMyWay.Voice.Telephony.Tests.Media.Engine;
using NAudio.Wave;

namespace CallMyWay.Voice.Telephony.Tests.Media.Recording;

public sealed class CallRecorderTests
{
    private static readonly short[] Speech = TestAudio.Sine(440, 6000, 160);

    [Fact]
    public async Task Recording_holds_the_frames_as_8khz_mono_16_bit_pcm()
    {
        using var file = new MemoryStream();
        var recorder = new CallRecorder(file, new CallRecorderOptions { SilenceTimeout = null });

        for (int i = 0; i < 10; i++)
        {
            recorder.OnFrame(TestAudio.Sine(440, 6000, 160, i * 160));
        }

        recorder.Stop();
        RecordingResult result = await Eventually.Within(recorder.Completion);

        Assert.Equal(new RecordingResult(RecordingStopReason.Stopped, TimeSpan.FromMilliseconds(200), null, null, true), result);
        file.Position = 0;
        using var reader = new WaveFileReader(file);
        Assert.Equal(8000, reader.WaveFormat.SampleRate);
        Assert.Equal(1, reader.WaveFormat.Channels);
        Assert.Equal(16, reader.WaveFormat.BitsPerSample);
        Assert.Equal(WaveFormatEncoding.Pcm, reader.WaveFormat.Encoding);
        var samples = new byte[reader.Length];
        reader.ReadExactly(samples);
        short[] pcm = new short[samples.Length / 2];
        Buffer.BlockCopy(samples, 0, pcm, 0, samples.Length);
        Assert.Equal(TestAudio.Sine(440, 6000, 1600), pcm);
    }

    [Fact]
    public async Task An_inband_stop_key_drops_its_tone_from_the_end()
    {
        var recorder = new CallRecorder(new MemoryStream());
        for (int i = 0; i < 10; i++)
        {
            recorder.OnFrame(Speech);
        }

        Assert.True(recorder.OnDigit(new DtmfDigit('#', DtmfSource.InBand)));
        RecordingResult result = await Eventually.Within(recorder.Completion);

        Assert.Equal(RecordingStopReason.Digit, result.Reason);
        Assert.Equal('#', result.StopDigit);
        Assert.Equal(TimeSpan.FromMilliseconds(140), result.Duration);
    }

    [Fact]
    public async Task Other_keys_do_not_stop_it_and_an_event_stop_key_keeps_all_audio()
    {
        var recorder = new CallRecorder(new MemoryStream());
        for (int i = 0; i < 10; i++)
        {
            recorder.OnFrame(Speech);
        }

        Assert.False(recorder.OnDigit(new DtmfDigit('5', DtmfSource.Rfc4733)));
        Assert.True(recorder.OnDigit(new DtmfDigit('#', DtmfSource.Rfc4733)));
        Assert.False(recorder.OnDigit(new DtmfDigit('#', DtmfSource.Rfc4733)));

        Assert.Equal(TimeSpan.FromMilliseconds(200), (await Eventually.Within(recorder.Completion)).Duration);
    }

    [Fact]
    public async Task Quiet_line_noise_counts_as_silence()
    {
        var recorder = new CallRecorder(new MemoryStream(), new CallRecorderOptions { SilenceTimeout = TimeSpan.FromMilliseconds(100) });
        short[] noise = TestAudio.Sine(300, 200, 160);

        recorder.OnFrame(Speech);
        for (int i = 0; i < 4; i++)
        {
            recorder.OnFrame(noise);
        }

        Assert.True(recorder.IsRecording);
        recorder.OnFrame(noise);
        RecordingResult result = await Eventually.Within(recorder.Completion);

        Assert.Equal(RecordingStopReason.Silence, result.Reason);
        Assert.Equal(TimeSpan.FromMilliseconds(120), result.Duration);
        Assert.True(result.HeardSound);
    }
}
