using CallMyWay.Voice.Domain.Numbers;

namespace CallMyWay.Voice.Domain.Tests.Numbers;

public class NumberPlanTests
{
    private static readonly DeskNumber Mexico = new("+525541708422", "MX", "es", TollFree: false, WhatsApp: false, "+52 55 4170 8422");
    private static readonly DeskNumber Usa = new("+13056445535", "US", "en", TollFree: false, WhatsApp: false, "+1 305 644 5535");
    private static readonly DeskNumber CostaRicaTollFree = new("+5068008000202", "CR", "es", TollFree: true, WhatsApp: false, "+506 800 8000 202");
    private static readonly DeskNumber CostaRica = new("+50640004000", "CR", "es", TollFree: false, WhatsApp: true, "+506 4000 4000");
    private static readonly DeskNumber Panama = new("+5078366060", "PA", "es", TollFree: false, WhatsApp: false, "+507 836 6060");

    private static readonly NumberPlan Plan = new([Mexico, Usa, CostaRicaTollFree, CostaRica, Panama]);

    [Theory]
    [InlineData("+525541708422")]
    [InlineData("525541708422")]
    [InlineData("00525541708422")]
    [InlineData("+52 55 4170 8422")]
    [InlineData("+52-55-4170-8422")]
    [InlineData("(52) 55.4170.8422")]
    [InlineData("0052 55 4170 8422")]
    [InlineData(" +525541708422 ")]
    public void A_DID_is_found_in_any_form_a_carrier_sends(string dialled) =>
        Assert.Same(Mexico, Plan.Find(dialled));

    [Fact]
    public void Each_DID_is_told_apart_with_its_country_and_language()
    {
        Assert.Same(Usa, Plan.Find("13056445535"));
        Assert.Equal("en", Plan.Find("+1 305 644 5535")!.Language);
        Assert.Same(CostaRicaTollFree, Plan.Find("+506 800 8000 202"));
        Assert.Same(CostaRica, Plan.Find("0050640004000"));
        Assert.True(Plan.Find("50640004000")!.WhatsApp);
        Assert.Same(Panama, Plan.Find("507-836-6060"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("+")]
    [InlineData("anonymous")]
    // Another number, a DID without its country code, a DID with a digit too many or too few.
    [InlineData("+525541708423")]
    [InlineData("5541708422")]
    [InlineData("+5255417084220")]
    [InlineData("+52554170842")]
    // Only the international 00 prefix is dropped, once.
    [InlineData("000525541708422")]
    [InlineData("011525541708422")]
    [InlineData("99525541708422")]
    public void An_unknown_number_is_not_found(string? dialled) =>
        Assert.Null(Plan.Find(dialled));

    [Fact]
    public void The_plan_lists_its_numbers_in_the_given_order() =>
        Assert.Equal([Mexico, Usa, CostaRicaTollFree, CostaRica, Panama], Plan.Numbers);

    [Fact]
    public void A_number_listed_twice_is_refused_even_written_differently()
    {
        var again = Mexico with { E164 = "525541708422", Display = "52 55 4170 8422" };

        var ex = Assert.Throws<ArgumentException>(() => new NumberPlan([Mexico, Usa, again]));

        Assert.Equal("numbers", ex.ParamName);
        Assert.Contains("525541708422", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_plan_finds_nothing() =>
        Assert.Null(new NumberPlan([]).Find("+525541708422"));

    [Theory]
    [InlineData("+52 (55) 4170-8422", "525541708422")]
    [InlineData("sip:+13056445535", "13056445535")]
    [InlineData("no digits", "")]
    public void Digits_are_what_remains_without_separators(string text, string digits) =>
        Assert.Equal(digits, NumberPlan.DigitsOf(text));
}
