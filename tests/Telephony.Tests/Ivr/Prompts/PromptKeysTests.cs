using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Domain.Sla;
using CallMyWay.Voice.Telephony.Ivr.Prompts;

namespace CallMyWay.Voice.Telephony.Tests.Ivr.Prompts;

public class PromptKeysTests
{
    [Fact]
    public void Case_numbers_are_read_digit_by_digit()
    {
        Assert.Equal(
            ["en/digit.1", "en/digit.0", "en/digit.7", "en/digit.2"],
            SpokenNumber.Digits(1072, "en").Select(prompt => prompt.ToString()));
        Assert.Equal(["digit.star", "digit.hash"], SpokenNumber.Digits("*#", "es").Select(prompt => prompt.Key));
    }

    [Fact]
    public void States_severities_and_levels_have_their_own_words()
    {
        Assert.Equal("state.awaiting-info", PromptKeys.State(CaseStatus.AwaitingInfo));
        Assert.Equal("severity.s2", PromptKeys.SeverityOf(Severity.S2));
        Assert.Equal("level.3", PromptKeys.Level(EscalationLevel.Level3));
        Assert.Equal("missing.teams-email", PromptKeys.Missing("teamsEmail"));
        Assert.Equal("tz.gmt-6", PromptKeys.TimeZone(-6));
    }

    [Fact]
    public void Days_are_said_relative_to_today()
    {
        var wednesday = new DateOnly(2026, 11, 25);
        Assert.Equal("day.today", PromptKeys.Day(wednesday, wednesday));
        Assert.Equal("day.tomorrow", PromptKeys.Day(wednesday.AddDays(1), wednesday));
        Assert.Equal("day.saturday", PromptKeys.Day(wednesday.AddDays(3), wednesday));
    }

    [Fact]
    public void All_lists_each_key_once()
    {
        Assert.Equal(PromptKeys.All.Count, PromptKeys.All.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(PromptKeys.LanguageOffer, PromptKeys.All);
        Assert.Contains("clock.21", PromptKeys.All);
        Assert.Contains("day.sunday", PromptKeys.All);
    }
}
