using CallMyWay.Voice.Telephony.Media.Codecs;
using NAudio.Codecs;

namespace CallMyWay.Voice.Telephony.Tests.Media.Codecs;

public sealed class G711TranscoderTests
{
    [Fact]
    public void Pcmu_to_pcma_equals_decoding_then_encoding_for_every_code()
    {
        byte[] pcmu = PcmuCodecTests.AllCodes();
        var pcma = new byte[256];

        Assert.Equal(256, G711Transcoder.PcmuToPcma(pcmu, pcma));

        for (int i = 0; i < 256; i++)
        {
            Assert.Equal(ALawEncoder.LinearToALawSample(MuLawDecoder.MuLawToLinearSample((byte)i)), pcma[i]);
        }
    }

    [Fact]
    public void Pcma_to_pcmu_equals_decoding_then_encoding_for_every_code()
    {
        byte[] pcma = PcmuCodecTests.AllCodes();
        var pcmu = new byte[256];

        G711Transcoder.PcmaToPcmu(pcma, pcmu);

        for (int i = 0; i < 256; i++)
        {
            Assert.Equal(MuLawEncoder.LinearToMuLawSample(ALawDecoder.ALawToLinearSample((byte)i)), pcmu[i]);
        }
    }

    [Fact]
    public void Transcoded_speech_band_signal_decodes_close_to_the_original()
    {
        var pcm = new short[800];
        for (int i = 0; i < pcm.Length; i++)
        {
            pcm[i] = (short)((9000 * Math.Sin(2 * Math.PI * 440 * i / 8000)) + (3000 * Math.Sin(2 * Math.PI * 1900 * i / 8000)));
        }

        var pcmu = new byte[pcm.Length];
        var pcma = new byte[pcm.Length];
        var back = new short[pcm.Length];
        PcmuCodec.Instance.Encode(pcm, pcmu);
        G711Transcoder.PcmuToPcma(pcmu, pcma);
        PcmaCodec.Instance.Decode(pcma, back);

        for (int i = 0; i < pcm.Length; i++)
        {
            Assert.InRange(back[i] - pcm[i], -(Math.Abs(pcm[i]) / 8) - 32, (Math.Abs(pcm[i]) / 8) + 32);
        }
    }

    [Fact]
    public void Too_small_destination_is_refused()
    {
        Assert.Throws<ArgumentException>(() => G711Transcoder.PcmaToPcmu(new byte[160], new byte[80]));
    }
}
