using CallMyWay.Voice.Telephony.Media.Codecs;
using NAudio.Wave;
using NAudio.Wave.SampleProviders;

namespace CallMyWay.Voice.Telephony.Media.Prompts;

/// <summary>
/// Turns a WAV file of any format NAudio reads into 8 kHz mono 16-bit PCM, with NAudio's managed
/// pipeline only (no MediaFoundation or ACM, which exist on Windows alone): samples as floats,
/// channels mixed down, then <see cref="WdlResamplingSampleProvider"/> to 8 kHz.
/// </summary>
internal static class PromptWaveDecoder
{
    private const int ReadBlock = 8192;

    public static short[] Decode(Stream wave)
    {
        using var reader = new WaveFileReader(wave);
        WaveFormat format = reader.WaveFormat;
        if (format.Channels < 1 || format.SampleRate < 1 || format.BlockAlign < 1)
        {
            throw new InvalidDataException($"The WAV format {format} has no samples to read.");
        }

        long inputFrames = reader.Length / format.BlockAlign;
        ISampleProvider samples = ToSamples(reader, format);
        samples = format.Channels switch
        {
            1 => samples,
            2 => samples.ToMono(0.5f, 0.5f),
            _ => new DownmixSampleProvider(samples),
        };

        if (format.SampleRate != Prompt.SampleRate)
        {
            samples = new WdlResamplingSampleProvider(samples, Prompt.SampleRate);
        }

        // The resampler's filter may end a few samples short or long of the exact converted length;
        // cutting or padding to it makes the prompt's duration the file's duration.
        long expected = (long)Math.Round(inputFrames * (double)Prompt.SampleRate / format.SampleRate);
        if (expected > int.MaxValue / 2)
        {
            throw new InvalidDataException($"The WAV file is too long for a prompt ({expected} samples at 8 kHz).");
        }

        var pcm = new short[expected];
        float[] block = new float[ReadBlock];
        int written = 0;
        int read;
        while (written < pcm.Length && (read = samples.Read(block, 0, block.Length)) > 0)
        {
            int take = Math.Min(read, pcm.Length - written);
            for (int i = 0; i < take; i++)
            {
                pcm[written + i] = (short)Math.Clamp(MathF.Round(block[i] * 32767f), short.MinValue, short.MaxValue);
            }

            written += take;
        }

        return pcm;
    }

    private static ISampleProvider ToSamples(WaveFileReader reader, WaveFormat format)
    {
        switch (format.Encoding)
        {
            case WaveFormatEncoding.MuLaw:
                return G711Samples(reader, format, PcmuCodec.Instance);
            case WaveFormatEncoding.ALaw:
                return G711Samples(reader, format, PcmaCodec.Instance);
            case WaveFormatEncoding.Pcm:
            case WaveFormatEncoding.IeeeFloat:
            case WaveFormatEncoding.Extensible:
                try
                {
                    return reader.ToSampleProvider();
                }
                catch (ArgumentException exception)
                {
                    throw new InvalidDataException($"The WAV format {format} is not linear PCM or IEEE float.", exception);
                }

            default:
                throw new InvalidDataException($"The WAV encoding {format.Encoding} is not supported; use linear PCM, IEEE float or G.711.");
        }
    }

    // G.711 WAVs are small; decoding them whole into floats lets them join the same pipeline.
    private static ISampleProvider G711Samples(WaveFileReader reader, WaveFormat format, IAudioCodec codec)
    {
        byte[] encoded = new byte[reader.Length];
        reader.ReadExactly(encoded);
        var pcm = new short[encoded.Length];
        codec.Decode(encoded, pcm);
        var samples = new float[pcm.Length];
        for (int i = 0; i < pcm.Length; i++)
        {
            samples[i] = pcm[i] / 32768f;
        }

        return new FloatArraySampleProvider(samples, WaveFormat.CreateIeeeFloatWaveFormat(format.SampleRate, format.Channels));
    }

    private sealed class FloatArraySampleProvider(float[] samples, WaveFormat format) : ISampleProvider
    {
        private int _position;

        public WaveFormat WaveFormat => format;

        public int Read(float[] buffer, int offset, int count)
        {
            int take = Math.Min(count, samples.Length - _position);
            Array.Copy(samples, _position, buffer, offset, take);
            _position += take;
            return take;
        }
    }

    // NAudio mixes down stereo only; files with more channels are averaged here.
    private sealed class DownmixSampleProvider(ISampleProvider source) : ISampleProvider
    {
        private readonly int _channels = source.WaveFormat.Channels;
        private float[] _buffer = [];

        public WaveFormat WaveFormat { get; } = WaveFormat.CreateIeeeFloatWaveFormat(source.WaveFormat.SampleRate, 1);

        public int Read(float[] buffer, int offset, int count)
        {
            int needed = count * _channels;
            if (_buffer.Length < needed)
            {
                _buffer = new float[needed];
            }

            int frames = source.Read(_buffer, 0, needed) / _channels;
            for (int frame = 0; frame < frames; frame++)
            {
                float sum = 0;
                for (int channel = 0; channel < _channels; channel++)
                {
                    sum += _buffer[(frame * _channels) + channel];
                }

                buffer[offset + frame] = sum / _channels;
            }

            return frames;
        }
    }
}
