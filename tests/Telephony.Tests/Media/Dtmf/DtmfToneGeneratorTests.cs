using CallMyWay.Voice.Telephony.Media.Dtmf;

namespace CallMyWay.Voice.Telephony.Tests.Media.Dtmf;

public sealed class DtmfToneGeneratorTests
{
    [Theory]
    [InlineData('1', 697, 1209)]
    [InlineData('5', 770, 1336)]
    [InlineData('9', 852, 1477)]
    [InlineData('0', 941, 1336)]
    [InlineData('*', 941, 1209)]
    [InlineData('#', 941, 1477)]
    [InlineData('A', 697, 1633)]
    [InlineData('d', 941, 1633)]
    public void Keys_use_the_q23_tone_pairs(char key, int low, int high)
    {
        Assert.True(DtmfToneGenerator.TryGetFrequencies(key, out int lowFrequency, out int highFrequency));
        Assert.Equal(low, lowFrequency);
        Assert.Equal(high, highFrequency);
    }

    [Fact]
    public void Samples_are_the_sum_of_both_sines()
    {
        var tone = new short[160];

        DtmfToneGenerator.Write('1', 5000, tone);

        for (int n = 0; n < tone.Length; n++)
        {
            double expected = (5000 * Math.Sin(2 * Math.PI * 697 * n / 8000)) + (5000 * Math.Sin(2 * Math.PI * 1209 * n / 8000));
            Assert.Equal(Math.Round(expected), tone[n]);
        }
    }

    [Fact]
    public void Writing_frame_by_frame_continues_the_phase()
    {
        var whole = new short[480];
        var frames = new short[480];

        DtmfToneGenerator.Write('#', 8000, whole);
        for (int start = 0; start < frames.Length; start += 160)
        {
            DtmfToneGenerator.Write('#', 8000, frames.AsSpan(start, 160), startSample: start);
        }

        Assert.Equal(whole, frames);
    }

    [Fact]
    public void Loud_tones_saturate_instead_of_wrapping()
    {
        var tone = new short[400];

        DtmfToneGenerator.Write('5', 30000, tone);

        Assert.Equal(short.MaxValue, tone.Max());
        Assert.Equal(short.MinValue, tone.Min());
    }

    [Fact]
    public void Sample_count_follows_the_duration()
    {
        Assert.Equal(800, DtmfToneGenerator.SampleCount(TimeSpan.FromMilliseconds(100)));
    }

    [Fact]
    public void Unknown_key_is_refused()
    {
        Assert.Throws<ArgumentException>(() => DtmfToneGenerator.Write('E', 1000, new short[10]));
    }
}
