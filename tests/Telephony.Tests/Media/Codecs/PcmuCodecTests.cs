using CallMyWay.Voice.Telephony.Media.Codecs;
using NAudio.Codecs;

namespace CallMyWay.Voice.Telephony.Tests.Media.Codecs;

public sealed class PcmuCodecTests
{
    [Fact]
    public void Describes_static_payload_type_0()
    {
        IAudioCodec codec = PcmuCodec.Instance;

        Assert.Equal(0, codec.PayloadType);
        Assert.Equal("PCMU", codec.Name);
        Assert.Equal(8000, codec.ClockRate);
    }

    [Fact]
    public void Encoding_matches_naudio_for_every_sample()
    {
        short[] pcm = AllSamples();
        var payload = new byte[pcm.Length];

        PcmuCodec.Instance.Encode(pcm, payload);

        for (int i = 0; i < pcm.Length; i++)
        {
            // NAudio maps -32768 to the code of -1 (it negates in 16 bits); we give it full scale.
            short reference = pcm[i] == short.MinValue ? (short)-32767 : pcm[i];
            Assert.Equal(MuLawEncoder.LinearToMuLawSample(reference), payload[i]);
        }
    }

    [Fact]
    public void Decoding_matches_naudio_for_every_code()
    {
        byte[] payload = AllCodes();
        var pcm = new short[256];

        Assert.Equal(256, PcmuCodec.Instance.Decode(payload, pcm));

        for (int i = 0; i < 256; i++)
        {
            Assert.Equal(MuLawDecoder.MuLawToLinearSample((byte)i), pcm[i]);
        }
    }

    [Fact]
    public void Decoded_samples_stay_within_the_quantisation_step_of_the_original()
    {
        short[] pcm = AllSamples();
        var payload = new byte[pcm.Length];
        var decoded = new short[pcm.Length];

        PcmuCodec.Instance.Encode(pcm, payload);
        PcmuCodec.Instance.Decode(payload, decoded);

        for (int i = 0; i < pcm.Length; i++)
        {
            // μ-law keeps about 4 bits of mantissa: the error is under 1/16 of the sample, or one
            // small step near zero; beyond the clip level of 32124 the error is the clipping itself.
            int error = Math.Abs(decoded[i] - pcm[i]);
            int allowed = Math.Max(8, Math.Abs((int)pcm[i]) / 16);
            Assert.True(error <= allowed, $"sample {pcm[i]} decoded as {decoded[i]}");
        }
    }

    [Fact]
    public void Silence_encodes_as_0xFF_and_full_scale_keeps_its_sign()
    {
        Assert.Equal(0xFF, PcmuCodec.EncodeSample(0));
        Assert.Equal(0x80, PcmuCodec.EncodeSample(short.MaxValue));
        Assert.Equal(0x00, PcmuCodec.EncodeSample(short.MinValue));
        Assert.Equal(-32124, PcmuCodec.DecodeSample(PcmuCodec.EncodeSample(short.MinValue)));
    }

    [Fact]
    public void Too_small_destinations_are_refused()
    {
        Assert.Throws<ArgumentException>(() => PcmuCodec.Instance.Encode(new short[160], new byte[159]));
        Assert.Throws<ArgumentException>(() => PcmuCodec.Instance.Decode(new byte[160], new short[159]));
    }

    [Fact]
    public void A_20_ms_frame_is_coded_without_allocating()
    {
        var pcm = new short[160];
        var payload = new byte[160];
        PcmuCodec.Instance.Encode(pcm, payload);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            PcmuCodec.Instance.Encode(pcm, payload);
            PcmuCodec.Instance.Decode(payload, pcm);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    internal static short[] AllSamples()
    {
        var samples = new short[65536];
        for (int i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)(i - 32768);
        }

        return samples;
    }

    internal static byte[] AllCodes()
    {
        var codes = new byte[256];
        for (int i = 0; i < codes.Length; i++)
        {
            codes[i] = (byte)i;
        }

        return codes;
    }
}
