using BenchmarkDotNet.Attributes;
using CallMyWay.Voice.Telephony.Media.Codecs;

namespace CallMyWay.Voice.Telephony.Benchmarks;

/// <summary>G.711 per 20 ms frame (160 samples at 8 kHz): what every stream costs 50 times a second in each direction.</summary>
[MemoryDiagnoser]
public class G711Benchmarks
{
    private const int FrameSamples = 160;
    private readonly short[] _pcm = new short[FrameSamples];
    private readonly short[] _decoded = new short[FrameSamples];
    private readonly byte[] _pcmu = new byte[FrameSamples];
    private readonly byte[] _pcma = new byte[FrameSamples];
    private readonly byte[] _transcoded = new byte[FrameSamples];

    [GlobalSetup]
    public void Setup()
    {
        // A 440 Hz tone at half scale: every segment of the companding tables gets used.
        for (int i = 0; i < FrameSamples; i++)
        {
            _pcm[i] = (short)(16000 * Math.Sin(2 * Math.PI * 440 * i / 8000.0));
        }

        PcmuCodec.Instance.Encode(_pcm, _pcmu);
        PcmaCodec.Instance.Encode(_pcm, _pcma);
    }

    [Benchmark]
    public int PcmuEncode() => PcmuCodec.Instance.Encode(_pcm, _pcmu);

    [Benchmark]
    public int PcmuDecode() => PcmuCodec.Instance.Decode(_pcmu, _decoded);

    [Benchmark]
    public int PcmaEncode() => PcmaCodec.Instance.Encode(_pcm, _pcma);

    [Benchmark]
    public int PcmaDecode() => PcmaCodec.Instance.Decode(_pcma, _decoded);

    /// <summary>The bridge's work when the two legs chose different laws.</summary>
    [Benchmark]
    public int PcmuToPcma() => G711Transcoder.PcmuToPcma(_pcmu, _transcoded);
}
