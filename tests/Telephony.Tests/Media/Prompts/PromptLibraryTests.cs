using CallMyWay.Voice.Telephony.Media.Prompts;

namespace CallMyWay.Voice.Telephony.Tests.Media.Prompts;

public sealed class PromptLibraryTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cmw-prompts-" + Guid.NewGuid().ToString("N"));

    public PromptLibraryTests()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "es"));
        Write("es/welcome.wav", TestWaves.Pcm16(16000, 1, 0.5, 400));
        Write("goodbye.wav", TestWaves.Pcm16(22050, 2, 0.25, 400));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_prompt_is_loaded_once_and_shared()
    {
        var library = new PromptLibrary(_directory);

        Prompt first = library.Get("es/welcome");
        Prompt second = library.Get("es/welcome.wav");

        Assert.Same(first, second);
        Assert.Equal("es/welcome", first.Name);
        Assert.Equal(4000, first.SampleCount);
        Assert.Equal(1, library.Count);
    }

    [Fact]
    public void Load_all_reads_every_file_under_the_folder()
    {
        var library = new PromptLibrary(_directory);

        Assert.Equal(2, library.LoadAll());
        Assert.Equal(2000, library.Get("goodbye").SampleCount);
        Assert.Equal(2, library.Count);
    }

    [Fact]
    public void Missing_prompt_is_reported_and_not_remembered()
    {
        var library = new PromptLibrary(_directory);

        Assert.False(library.TryGet("es/missing", out _));
        Assert.Throws<FileNotFoundException>(() => library.Get("es/missing"));
        Assert.Equal(0, library.Count);

        Write("es/missing.wav", TestWaves.Pcm16(8000, 1, 0.1, 400));
        Assert.True(library.TryGet("es/missing", out Prompt? prompt));
        Assert.Equal(800, prompt.SampleCount);
    }

    [Theory]
    [InlineData("../secret")]
    [InlineData("es/../../secret")]
    [InlineData("/etc/passwd")]
    [InlineData("es//welcome")]
    public void Names_cannot_reach_outside_the_folder(string name)
    {
        var library = new PromptLibrary(_directory);

        Assert.Throws<ArgumentException>(() => library.Get(name));
    }

    [Fact]
    public void Prompts_made_in_memory_can_be_added()
    {
        var library = new PromptLibrary(_directory);
        Prompt made = Prompt.FromPcm("tts/case-number", new short[1600]);

        library.Add(made);

        Assert.Same(made, library.Get("tts/case-number"));
    }

    private void Write(string name, MemoryStream wave)
    {
        using (wave)
        {
            File.WriteAllBytes(Path.Combine(_directory, name), wave.ToArray());
        }
    }
}
