using CallMyWay.Voice.Telephony.Media.Codecs;

namespace CallMyWay.Voice.Telephony.Tests.Media.Codecs;

public sealed class CodecRegistryTests
{
    [Fact]
    public void Default_registry_offers_pcmu_then_pcma()
    {
        Assert.Equal(["PCMU", "PCMA"], CodecRegistry.Default.Codecs.Select(c => c.Name));
    }

    [Theory]
    [InlineData(0, "PCMU")]
    [InlineData(8, "PCMA")]
    public void Codec_is_found_by_payload_type(int payloadType, string name)
    {
        Assert.True(CodecRegistry.Default.TryGetByPayloadType(payloadType, out IAudioCodec? codec));
        Assert.Equal(name, codec.Name);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(101)]
    [InlineData(127)]
    [InlineData(128)]
    [InlineData(-1)]
    public void Unknown_payload_types_find_nothing(int payloadType)
    {
        Assert.False(CodecRegistry.Default.TryGetByPayloadType(payloadType, out _));
    }

    [Theory]
    [InlineData("PCMU", 0)]
    [InlineData("pcmu", 0)]
    [InlineData("PcmA", 8)]
    public void Codec_is_found_by_name_ignoring_case(string name, int payloadType)
    {
        Assert.True(CodecRegistry.Default.TryGetByName(name, out IAudioCodec? codec));
        Assert.Equal(payloadType, codec.PayloadType);
    }

    [Fact]
    public void Unknown_name_finds_nothing()
    {
        Assert.False(CodecRegistry.Default.TryGetByName("G722", out _));
    }

    [Fact]
    public void Registering_a_payload_type_twice_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new CodecRegistry([PcmuCodec.Instance, PcmuCodec.Instance]));
    }
}
