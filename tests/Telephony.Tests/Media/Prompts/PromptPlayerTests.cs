using CallMyWay.Voice.Telephony.Media.Codecs;
using CallMyWay.Voice.Telephony.Media.Dtmf;
using CallMyWay.Voice.Telephony.Media.Prompts;
using CallMyWay.Voice.Telephony.Tests.Media.Engine;

namespace CallMyWay.Voice.Telephony.Tests.Media.Prompts;

public sealed class PromptPlayerTests
{
    private readonly Prompt _short = Prompt.FromPcm("short", TestAudio.Sine(500, 8000, 400));
    private readonly Prompt _long = Prompt.FromPcm("long", TestAudio.Sine(700, 8000, 1600));

    [Fact]
    public async Task Queued_prompts_play_one_after_another_frame_by_frame()
    {
        var player = new PromptPlayer();
        Task<PromptQueueResult> drained = player.PlayAsync([_short, _long]);
        var payload = new byte[160];
        var frames = new List<byte[]>();

        while (player.ReadEncoded(PcmuCodec.Instance, payload) is int written and > 0)
        {
            Assert.Equal(160, written);
            frames.Add(payload.ToArray());
        }

        // 400 samples take 3 frames (the last padded with silence), 1600 take 10.
        Assert.Equal(13, frames.Count);
        Assert.True(_short.TryGetPayload(PcmuCodec.Instance, out byte[]? shortPayload));
        Assert.Equal(shortPayload[320..400], frames[2][..80]);
        Assert.All(frames[2][80..], b => Assert.Equal(0xFF, b));
        Assert.True(_long.TryGetPayload(PcmuCodec.Instance, out byte[]? longPayload));
        Assert.Equal(longPayload[..160], frames[3]);
        Assert.Equal(new PromptQueueResult(PromptStopReason.Completed, 2), await drained);
        Assert.False(player.IsPlaying);
    }

    [Fact]
    public void Pcm_reads_give_the_prompt_samples()
    {
        var player = new PromptPlayer();
        player.Enqueue(_short);
        var frame = new short[160];

        Assert.Equal(160, player.Read(frame));
        Assert.Equal(_short.Pcm.Span[..160].ToArray(), frame);
        Assert.Equal(160, player.Read(frame));
        Assert.Equal(160, player.Read(frame));
        Assert.Equal(0, player.Read(frame));
    }

    [Fact]
    public async Task A_key_during_a_barge_in_prompt_clears_the_queue()
    {
        var player = new PromptPlayer();
        Task<PromptQueueResult> drained = player.PlayAsync([_long, _short]);
        player.ReadEncoded(PcmaCodec.Instance, new byte[160]);

        var key = new DtmfDigit('1', DtmfSource.Rfc4733);
        Assert.True(player.TryBargeIn(key));

        Assert.Equal(new PromptQueueResult(PromptStopReason.BargedIn, 0, key), await drained);
        Assert.False(player.IsPlaying);
        Assert.Equal(0, player.QueuedCount);
        Assert.Equal(0, player.ReadEncoded(PcmaCodec.Instance, new byte[160]));
    }

    [Fact]
    public async Task A_prompt_without_barge_in_plays_through_keys()
    {
        var player = new PromptPlayer();
        Task<PromptQueueResult> drained = player.PlayAsync(_short, bargeIn: false);

        Assert.False(player.TryBargeIn(new DtmfDigit('1', DtmfSource.InBand)));
        Assert.True(player.IsPlaying);
        player.Stop();

        Assert.Equal(PromptStopReason.Stopped, (await drained).Reason);
    }

    [Fact]
    public async Task Drained_is_complete_when_nothing_plays()
    {
        var player = new PromptPlayer();

        PromptQueueResult result = await player.WhenDrained();

        Assert.Equal(new PromptQueueResult(PromptStopReason.Completed, 0), result);
    }
}
