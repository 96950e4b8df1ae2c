using CallMyWay.Voice.Telephony.Media.Codecs;
using CallMyWay.Voice.Telephony.Media.Dtmf;
using CallMyWay.Voice.Telephony.Media.Engine;
using CallMyWay.Voice.Telephony.Media.Recording;
using CallMyWay.Voice.Telephony.Tests.Media.Engine;
using NAudio.Wave;

namespace CallMyWay.Voice.Telephony.Tests.Media.Recording;

public sealed class RecordingSessionTests : IDisposable
{
    private readonly MediaTestHarness _harness = new(24300, 24399);
    private readonly TestPeer _peer = new();
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cmw-rec-" + Guid.NewGuid().ToString("N"));
    private ushort _seq;

    public void Dispose()
    {
        _harness.Dispose();
        _peer.Dispose();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task Pound_ends_the_recording_and_is_not_passed_on()
    {
        using RtpSession session = _harness.CreateSession(MediaTestHarness.Media(_peer));
        string path = Path.Combine(_directory, "message.wav");
        CallRecorder recorder = session.StartRecording(path, new CallRecorderOptions { SilenceTimeout = null });

        await SpeakAsync(session, frames: 20);
        foreach (byte[] packet in TestAudio.KeyPress('#', 1, 99999, 0x6060))
        {
            _peer.Send(packet, session.Ports.RtpPort);
        }

        RecordingResult result = await Eventually.Within(recorder.Completion);
        foreach (byte[] packet in TestAudio.KeyPress('1', 10, 199999, 0x6060))
        {
            _peer.Send(packet, session.Ports.RtpPort);
        }

        Assert.Equal(RecordingStopReason.Digit, result.Reason);
        Assert.Equal('#', result.StopDigit);
        Assert.Equal(path, result.Path);
        Assert.True(result.HeardSound);
        Assert.Equal(TimeSpan.FromMilliseconds(400), result.Duration);
        Assert.Equal('1', (await Eventually.Within(session.Digits.ReadAsync().AsTask())).Digit);
        Assert.Null(session.Recorder);

        using var reader = new WaveFileReader(path);
        Assert.Equal(new WaveFormat(8000, 16, 1), reader.WaveFormat);
        Assert.Equal(TimeSpan.FromMilliseconds(400), reader.TotalTime);
        var bytes = new byte[reader.Length];
        reader.ReadExactly(bytes);
        var pcm = new short[bytes.Length / 2];
        Buffer.BlockCopy(bytes, 0, pcm, 0, bytes.Length);
        Assert.InRange(TestAudio.Rms(pcm), 3800, 4700);
    }

    [Fact]
    public async Task Silence_ends_the_recording_even_when_the_peer_sends_nothing()
    {
        using RtpSession session = _harness.CreateSession(MediaTestHarness.Media(_peer));
        CallRecorder recorder = session.StartRecording(
            Path.Combine(_directory, "silent.wav"),
            new CallRecorderOptions { SilenceTimeout = TimeSpan.FromSeconds(1) });

        _harness.Tick(49);
        Assert.True(recorder.IsRecording);
        _harness.Tick();
        RecordingResult result = await Eventually.Within(recorder.Completion);

        Assert.Equal(RecordingStopReason.Silence, result.Reason);
        Assert.Equal(TimeSpan.FromSeconds(1), result.Duration);
        Assert.False(result.HeardSound);
    }

    [Fact]
    public async Task Maximum_length_ends_the_recording()
    {
        using RtpSession session = _harness.CreateSession(MediaTestHarness.Media(_peer));
        CallRecorder recorder = session.StartRecording(
            Path.Combine(_directory, "long.wav"),
            new CallRecorderOptions { MaxDuration = TimeSpan.FromMilliseconds(300), SilenceTimeout = null });

        await SpeakAsync(session, frames: 20);
        RecordingResult result = await Eventually.Within(recorder.Completion);

        Assert.Equal(RecordingStopReason.MaxDuration, result.Reason);
        Assert.Equal(TimeSpan.FromMilliseconds(300), result.Duration);
        using var reader = new WaveFileReader(result.Path!);
        Assert.Equal(TimeSpan.FromMilliseconds(300), reader.TotalTime);
    }

    [Fact]
    public async Task Hanging_up_ends_the_recording()
    {
        RtpSession session = _harness.CreateSession(MediaTestHarness.Media(_peer));
        CallRecorder recorder = session.StartRecording(Path.Combine(_directory, "hangup.wav"));
        _harness.Tick(5);

        session.Dispose();

        Assert.Equal(RecordingStopReason.Hangup, (await Eventually.Within(recorder.Completion)).Reason);
    }

    // Sends speech two frames at a time and ticks once the session holds them, as a real peer's
    // packets interleave with the clock.
    private async Task SpeakAsync(RtpSession session, int frames)
    {
        for (int i = 0; i < frames; i += 2)
        {
            long before = session.GetStatistics().PacketsReceived;
            for (int j = 0; j < 2; j++)
            {
                byte[] payload = TestAudio.Encode(PcmuCodec.Instance, TestAudio.Sine(440, 6000, 160, _seq * 160));
                _peer.Send(TestAudio.Rtp(0, _seq, _seq * 160u, 0x6060, payload), session.Ports.RtpPort);
                _seq++;
            }

            await Eventually.True(() => session.GetStatistics().PacketsReceived == before + 2, "two frames");
            _harness.Tick(2);
        }
    }
}
