using System.Diagnostics.CodeAnalysis;
using CallMyWay.Voice.Telephony.Media.Codecs;

namespace CallMyWay.Voice.Telephony.Media.Prompts;

/// <summary>
/// A recorded message ready to play: 8 kHz mono 16-bit PCM, converted once when loaded, with its
/// PCMU and PCMA payloads encoded up front so that playing it only copies bytes.
/// </summary>
public sealed class Prompt
{
    /// <summary>The sample rate of every prompt: the G.711 rate.</summary>
    public const int SampleRate = 8000;

    /// <summary>Samples per 20 ms frame.</summary>
    public const int SamplesPerFrame = SampleRate / 50;

    private readonly short[] _pcm;
    private readonly byte[] _pcmu;
    private readonly byte[] _pcma;

    private Prompt(string name, short[] pcm)
    {
        Name = name;
        _pcm = pcm;
        _pcmu = new byte[pcm.Length];
        _pcma = new byte[pcm.Length];
        PcmuCodec.Instance.Encode(pcm, _pcmu);
        PcmaCodec.Instance.Encode(pcm, _pcma);
    }

    /// <summary>The name it was loaded or created under, e.g. <c>es/welcome</c>.</summary>
    public string Name { get; }

    /// <summary>The audio as 8 kHz mono 16-bit PCM.</summary>
    public ReadOnlyMemory<short> Pcm => _pcm;

    /// <summary>Samples at 8 kHz.</summary>
    public int SampleCount => _pcm.Length;

    /// <summary>How long it plays.</summary>
    public TimeSpan Duration => TimeSpan.FromTicks(_pcm.Length * TimeSpan.TicksPerSecond / SampleRate);

    /// <summary>The 20 ms frames it takes to play; the last one is padded with silence.</summary>
    public int FrameCount => (_pcm.Length + SamplesPerFrame - 1) / SamplesPerFrame;

    /// <summary>Creates a prompt from 8 kHz mono PCM, e.g. synthesised speech or a generated tone.</summary>
    public static Prompt FromPcm(string name, ReadOnlySpan<short> pcm)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new Prompt(name, pcm.ToArray());
    }

    /// <summary>
    /// Reads a WAV file of any PCM or IEEE float format, sample rate and channel count (and G.711
    /// WAVs), converting it to 8 kHz mono; see <see cref="PromptWaveDecoder"/>.
    /// </summary>
    public static Prompt FromWave(string name, Stream wave)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(wave);
        return new Prompt(name, PromptWaveDecoder.Decode(wave));
    }

    /// <summary>Reads a WAV file from disk; the name defaults to the file name without extension.</summary>
    public static Prompt FromWaveFile(string path, string? name = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using FileStream stream = File.OpenRead(path);
        return FromWave(name ?? System.IO.Path.GetFileNameWithoutExtension(path), stream);
    }

    /// <summary>
    /// The whole prompt encoded with <paramref name="codec"/> (one byte per sample); available for
    /// PCMU and PCMA, false for codecs the prompt was not encoded for.
    /// </summary>
    public bool TryGetPayload(IAudioCodec codec, [NotNullWhen(true)] out byte[]? payload)
    {
        ArgumentNullException.ThrowIfNull(codec);
        payload = codec switch
        {
            PcmuCodec => _pcmu,
            PcmaCodec => _pcma,
            _ => null,
        };
        return payload is not null;
    }

    public override string ToString() => $"{Name} ({Duration.TotalSeconds:0.00} s)";
}
