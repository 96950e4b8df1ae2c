using CallMyWay.Voice.Web.Click2Call;

namespace CallMyWay.Voice.Web.Tests.Click2Call;

public sealed class DestinationPolicyTests
{
    private readonly DestinationPolicy _policy = new(Click2CallFixture.Plan, new Click2CallOptions());

    [Theory]
    [InlineData("+52 55 1234 5678", "+525512345678", "MX", "+525541708422")]
    [InlineData("+1 201-555-0123", "+12015550123", "US", "+13056445535")]
    [InlineData("+506 8312 3456", "+50683123456", "CR", "+50640004000")]
    [InlineData("0052 55 1234 5678", "+525512345678", "MX", "+525541708422")]
    [InlineData("55 1234 5678", "+525512345678", "MX", "+525541708422")]
    [InlineData("8312-3456", "+50683123456", "CR", "+50640004000")]
    public void Valid_numbers_of_served_countries_come_out_in_E164_with_their_countrys_DID(string typed, string e164, string country, string did)
    {
        var check = _policy.Check(typed);

        Assert.Equal(Click2CallDecision.Accepted, check.Decision);
        Assert.Equal(e164, check.E164);
        Assert.Equal(country, check.Country);
        Assert.Equal(did, check.Did!.E164);
    }

    [Theory]
    [InlineData("+1 900 234 5678", Click2CallDecision.TypeRefused, "premium-rate")]
    [InlineData("+44 20 7946 0958", Click2CallDecision.CountryNotServed, "GB")]
    [InlineData("+44 909 876 5432", Click2CallDecision.TypeRefused, "premium-rate")]
    [InlineData("+1 800 253 0000", Click2CallDecision.TypeRefused, "toll-free")]
    [InlineData("hello", Click2CallDecision.InvalidNumber, "not a valid")]
    [InlineData("123", Click2CallDecision.InvalidNumber, "not a valid")]
    [InlineData("+52 55 1234", Click2CallDecision.InvalidNumber, "not a valid")]
    [InlineData("", Click2CallDecision.InvalidNumber, "country code")]
    [InlineData("+525512345678901234567890123456789", Click2CallDecision.InvalidNumber, "country code")]
    public void Numbers_the_desk_must_not_call_are_refused_with_a_reason(string typed, Click2CallDecision decision, string reasonContains)
    {
        var check = _policy.Check(typed);

        Assert.Equal(decision, check.Decision);
        Assert.Contains(reasonContains, check.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Null(check.Did);
    }

    [Fact]
    public void The_served_countries_follow_the_numbers_file_once_each()
    {
        Assert.Equal(["MX", "US", "CO", "CR", "PE", "CL", "PA"], _policy.Countries);
    }
}
