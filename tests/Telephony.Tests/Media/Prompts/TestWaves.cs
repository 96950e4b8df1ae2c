using NAudio.Utils;
using NAudio.Wave;

namespace CallMyWay.Voice.Telephony.Tests.Media.Prompts;

/// <summary>WAV files made in memory, in the formats prompt authors deliver.</summary>
internal static class TestWaves
{
    /// <summary>A sine of <paramref name="frequency"/> on every channel, as 16-bit PCM.</summary>
    public static MemoryStream Pcm16(int sampleRate, int channels, double seconds, double frequency, double amplitude = 0.5)
    {
        var stream = new MemoryStream();
        using (var writer = new WaveFileWriter(new IgnoreDisposeStream(stream), new WaveFormat(sampleRate, 16, channels)))
        {
            int frames = (int)Math.Round(seconds * sampleRate);
            var samples = new short[frames * channels];
            for (int i = 0; i < frames; i++)
            {
                short value = (short)Math.Round(amplitude * short.MaxValue * Math.Sin(2 * Math.PI * frequency * i / sampleRate));
                for (int c = 0; c < channels; c++)
                {
                    samples[(i * channels) + c] = value;
                }
            }

            writer.WriteSamples(samples, 0, samples.Length);
        }

        stream.Position = 0;
        return stream;
    }

    /// <summary>The same as IEEE float samples.</summary>
    public static MemoryStream Float(int sampleRate, int channels, double seconds, double frequency, double amplitude = 0.5)
    {
        var stream = new MemoryStream();
        using (var writer = new WaveFileWriter(new IgnoreDisposeStream(stream), WaveFormat.CreateIeeeFloatWaveFormat(sampleRate, channels)))
        {
            int frames = (int)Math.Round(seconds * sampleRate);
            for (int i = 0; i < frames; i++)
            {
                float value = (float)(amplitude * Math.Sin(2 * Math.PI * frequency * i / sampleRate));
                for (int c = 0; c < channels; c++)
                {
                    writer.WriteSample(value);
                }
            }
        }

        stream.Position = 0;
        return stream;
    }

    /// <summary>A G.711 µ-law WAV holding exactly <paramref name="encoded"/>.</summary>
    public static MemoryStream MuLaw(byte[] encoded)
    {
        var stream = new MemoryStream();
        using (var writer = new WaveFileWriter(new IgnoreDisposeStream(stream), WaveFormat.CreateMuLawFormat(8000, 1)))
        {
            writer.Write(encoded, 0, encoded.Length);
        }

        stream.Position = 0;
        return stream;
    }

    /// <summary>Counts upward zero crossings: a sine's frequency times its duration.</summary>
    public static int Cycles(ReadOnlySpan<short> pcm)
    {
        int cycles = 0;
        for (int i = 1; i < pcm.Length; i++)
        {
            if (pcm[i - 1] < 0 && pcm[i] >= 0)
            {
                cycles++;
            }
        }

        return cycles;
    }
}
