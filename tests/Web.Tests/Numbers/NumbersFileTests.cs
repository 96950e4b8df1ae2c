using CallMyWay.Voice.Web.Numbers;

namespace CallMyWay.Voice.Web.Tests.Numbers;

public sealed class NumbersFileTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"numbers-{Guid.NewGuid():N}.json");

    [Fact]
    public void The_shipped_file_has_the_eight_dids_of_the_seed()
    {
        var plan = NumbersFile.Load(NumbersFile.Resolve("config/numbers.json"));

        Assert.Equal(8, plan.Numbers.Count);
        Assert.Equal("CR", plan.Find("50640004000")?.Country);
        Assert.Equal("en", plan.Find("+1 305 644 5535")?.Language);
    }

    [Theory]
    [InlineData("{\"numbers\":[{\"e164\":\"5255\",\"country\":\"MX\",\"language\":\"es\"}]}", "entry 1 (5255): \"e164\" must be a number in E.164")]
    [InlineData("{\"numbers\":[{\"e164\":\"+525541708422\",\"country\":\"MX\",\"language\":\"es\"},{\"e164\":\"+13056445535\",\"country\":\"US\",\"language\":\"fr\"}]}", "entry 2 (+13056445535): \"language\" must be \"es\" or \"en\", not \"fr\"")]
    [InlineData("{\"numbers\":[{\"e164\":\"+525541708422\",\"country\":\"Mexico\",\"language\":\"es\"}]}", "\"country\" must be a two-letter ISO code")]
    [InlineData("{\"numbers\":[{\"e164\":\"+525541708422\",\"country\":\"MX\",\"language\":\"es\"},{\"e164\":\"+525541708422\",\"country\":\"MX\",\"language\":\"es\"}]}", "entry 2 (+525541708422): the number is listed twice")]
    [InlineData("{\"numbers\":[]}", "must list at least one number")]
    [InlineData("{\"numbers\":[{\"e164\":", "not valid JSON")]
    public void A_bad_file_is_refused_with_the_file_the_entry_and_the_problem(string content, string expected)
    {
        File.WriteAllText(_path, content);

        var error = Assert.Throws<NumbersFileException>(() => NumbersFile.Load(_path));

        Assert.StartsWith(_path + ":", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var error = Assert.Throws<NumbersFileException>(() => NumbersFile.Load(_path));

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_host_does_not_start_with_a_bad_numbers_file()
    {
        File.WriteAllText(_path, "{\"numbers\":[{\"e164\":\"+525541708422\",\"country\":\"MX\",\"language\":\"xx\"}]}");
        using var desk = new DeskFactory(settings: new Dictionary<string, string?> { ["Numbers:File"] = _path });

        var error = Assert.ThrowsAny<Exception>(() => desk.CreateClient());

        Assert.Contains("\"language\" must be \"es\" or \"en\"", error.ToString(), StringComparison.Ordinal);
        desk.DeleteDatabase();
    }

    public void Dispose() => File.Delete(_path);
}
