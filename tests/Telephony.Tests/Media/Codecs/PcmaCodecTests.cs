using CallMyWay.Voice.Telephony.Media.Codecs;
using NAudio.Codecs;

namespace CallMyWay.Voice.Telephony.Tests.Media.Codecs;

public sealed class PcmaCodecTests
{
    [Fact]
    public void Describes_static_payload_type_8()
    {
        IAudioCodec codec = PcmaCodec.Instance;

        Assert.Equal(8, codec.PayloadType);
        Assert.Equal("PCMA", codec.Name);
        Assert.Equal(8000, codec.ClockRate);
    }

    [Fact]
    public void Encoding_matches_naudio_for_every_sample()
    {
        short[] pcm = PcmuCodecTests.AllSamples();
        var payload = new byte[pcm.Length];

        PcmaCodec.Instance.Encode(pcm, payload);

        for (int i = 0; i < pcm.Length; i++)
        {
            short reference = pcm[i] == short.MinValue ? (short)-32767 : pcm[i];
            Assert.Equal(ALawEncoder.LinearToALawSample(reference), payload[i]);
        }
    }

    [Fact]
    public void Decoding_matches_naudio_for_every_code()
    {
        byte[] payload = PcmuCodecTests.AllCodes();
        var pcm = new short[256];

        PcmaCodec.Instance.Decode(payload, pcm);

        for (int i = 0; i < 256; i++)
        {
            Assert.Equal(ALawDecoder.ALawToLinearSample((byte)i), pcm[i]);
        }
    }

    [Fact]
    public void Decoded_samples_stay_within_the_quantisation_step_of_the_original()
    {
        short[] pcm = PcmuCodecTests.AllSamples();
        var payload = new byte[pcm.Length];
        var decoded = new short[pcm.Length];

        PcmaCodec.Instance.Encode(pcm, payload);
        PcmaCodec.Instance.Decode(payload, decoded);

        for (int i = 0; i < pcm.Length; i++)
        {
            // A-law: 4 bits of mantissa, and a linear first segment with a step of 16 near zero.
            int error = Math.Abs(decoded[i] - pcm[i]);
            int allowed = Math.Max(16, Math.Abs((int)pcm[i]) / 16);
            Assert.True(error <= allowed, $"sample {pcm[i]} decoded as {decoded[i]}");
        }
    }

    [Fact]
    public void Silence_encodes_as_0xD5_and_full_scale_keeps_its_sign()
    {
        Assert.Equal(0xD5, PcmaCodec.EncodeSample(0));
        Assert.Equal(0xAA, PcmaCodec.EncodeSample(short.MaxValue));
        Assert.Equal(0x2A, PcmaCodec.EncodeSample(short.MinValue));
    }
}
