using CallMyWay.Voice.Web.Customers;

namespace CallMyWay.Voice.Web.Tests.Customers;

public sealed class CustomerNumbersTests
{
    [Theory]
    [InlineData("+52 55 1234 5678", null, "+525512345678")]
    [InlineData("0052 55 1234 5678", null, "+525512345678")]
    [InlineData("55 1234 5678", "MX", "+525512345678")]
    [InlineData("525512345678", "MX", "+525512345678")]
    [InlineData("525512345678", null, "+525512345678")]
    [InlineData("8888-7777", "CR", "+50688887777")]
    [InlineData("(305) 644-5535", "US", "+13056445535")]
    [InlineData("16505551234", null, "+16505551234")]
    [InlineData("5215512345678", null, "+525512345678")]
    public void Numbers_from_every_channel_become_the_same_e164(string typed, string? region, string expected) =>
        Assert.Equal(expected, CustomerNumbers.ToE164(typed, region));

    [Theory]
    [InlineData("")]
    [InlineData("hola")]
    [InlineData("12")]
    [InlineData("+999 1234")]
    public void What_is_not_a_phone_number_has_no_e164(string typed) =>
        Assert.Null(CustomerNumbers.ToE164(typed));

    [Fact]
    public void A_short_extension_keeps_its_digits_as_its_key() =>
        Assert.Equal("1000", CustomerNumbers.Key("1000", "MX"));

    [Fact]
    public void A_call_in_national_format_and_a_whatsapp_id_share_a_key() =>
        Assert.Equal(CustomerNumbers.Key("55 1234 5678", "MX"), CustomerNumbers.Key("525512345678"));
}
