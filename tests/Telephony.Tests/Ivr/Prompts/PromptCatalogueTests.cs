using System.Buffers.Binary;
using CallMyWay.Voice.Telephony.Ivr.Prompts;

namespace CallMyWay.Voice.Telephony.Tests.Ivr.Prompts;

public class PromptCatalogueTests
{
    private static readonly PromptCatalogue Catalogue = PromptCatalogue.Load(RepositoryRoot.Prompts);

    [Fact]
    public void Every_key_the_flows_use_has_a_text_and_a_recording_in_both_languages()
    {
        Assert.Empty(Catalogue.Missing(PromptKeys.All, IvrLanguage.All));
    }

    [Fact]
    public void The_catalogue_holds_nothing_the_ivr_never_plays()
    {
        Assert.Empty(Catalogue.Keys.Except(PromptKeys.All));
    }

    [Fact]
    public void Every_recording_is_8_khz_mono_16_bit_pcm()
    {
        foreach (var key in PromptKeys.All)
        {
            foreach (var language in IvrLanguage.All)
            {
                var path = Catalogue.FilePath(new PromptRef(key, language));
                var header = File.ReadAllBytes(path).AsSpan(0, 44);
                Assert.True(header[..4].SequenceEqual("RIFF"u8) && header[8..12].SequenceEqual("WAVE"u8), $"{path} is not a WAV file.");
                Assert.Equal((1, 1, 8000, 16), (
                    (int)BinaryPrimitives.ReadUInt16LittleEndian(header[20..]),
                    (int)BinaryPrimitives.ReadUInt16LittleEndian(header[22..]),
                    BinaryPrimitives.ReadInt32LittleEndian(header[24..]),
                    (int)BinaryPrimitives.ReadUInt16LittleEndian(header[34..])));
            }
        }
    }

    [Fact]
    public void The_desks_words_are_in_the_catalogue()
    {
        Assert.Equal("asterisco", Catalogue.TextOf(new PromptRef("digit.star", "es")));
        Assert.Equal("numeral", Catalogue.TextOf(new PromptRef("digit.hash", "es")));
        Assert.Equal("nueve", Catalogue.TextOf(new PromptRef("digit.9", "es")));
        Assert.Equal("zero", Catalogue.TextOf(new PromptRef("digit.0", "en")));
        Assert.Contains("sosporte24", Catalogue.TextOf(new PromptRef(PromptKeys.ContactEmail, "es")), StringComparison.Ordinal);
        Assert.Contains("crítica", Catalogue.TextOf(new PromptRef("severity.s1", "es")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_prompt_is_a_wav_file_under_its_language()
    {
        Assert.Equal(
            Path.Combine(RepositoryRoot.Prompts, "en", "menu.cases.wav"),
            Catalogue.FilePath(new PromptRef(PromptKeys.MenuCases, IvrLanguage.English)));
        Assert.Throws<ArgumentException>(() => Catalogue.FilePath(new PromptRef("../secrets", "es")));
    }

    [Fact]
    public void A_catalogue_with_a_key_that_is_no_file_name_is_refused_naming_the_key()
    {
        var folder = Directory.CreateTempSubdirectory("prompts-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, PromptCatalogue.FileName), """{ "Menu/Main": { "es": "Hola" } }""");

            var error = Assert.Throws<FormatException>(() => PromptCatalogue.Load(folder.FullName));

            Assert.Contains("Menu/Main", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
