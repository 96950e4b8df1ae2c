using CallMyWay.Voice.Telephony.Sip.Messages;

namespace CallMyWay.Voice.Telephony.Tests.Sip.Messages;

public sealed class NameAddressTests
{
    [Fact]
    public void Quoted_display_name_is_unescaped()
    {
        var address = NameAddress.Parse("\"Alice \\\"Al\\\" Smith\" <sip:alice@atlanta.example.com>;tag=1928301774");

        Assert.Equal("Alice \"Al\" Smith", address.DisplayName);
        Assert.Equal("alice", address.Uri!.User);
        Assert.Equal("1928301774", address.Tag);
    }

    [Fact]
    public void Token_display_name_keeps_its_words()
    {
        var address = NameAddress.Parse("Bob   Jones <sip:bob@biloxi.example.com>");

        Assert.Equal("Bob Jones", address.DisplayName);
    }

    [Fact]
    public void Parameters_of_an_addr_spec_belong_to_the_header()
    {
        var address = NameAddress.Parse("sip:carol@chicago.example.com;tag=887s;expires=60");

        Assert.Null(address.DisplayName);
        Assert.Equal("sip:carol@chicago.example.com", address.UriText);
        Assert.Empty(address.Uri!.Parameters);
        Assert.Equal("887s", address.Tag);
        Assert.Equal(60, address.Expires);
    }

    [Fact]
    public void Parameters_inside_angle_brackets_belong_to_the_uri()
    {
        var address = NameAddress.Parse("<sip:proxy.example.com;lr>;q=0.7");

        Assert.True(address.Uri!.IsLooseRouter);
        Assert.Equal(0.7, address.Q);
        Assert.Equal("<sip:proxy.example.com;lr>;q=0.7", address.ToString());
    }

    [Fact]
    public void Contact_wildcard_is_recognised()
    {
        var address = NameAddress.Parse(" * ");

        Assert.True(address.IsWildcard);
        Assert.Equal("*", address.ToString());
        Assert.Throws<InvalidOperationException>(() => address.WithTag("x"));
    }

    [Fact]
    public void Tel_uri_gives_its_number_as_user()
    {
        var address = NameAddress.Parse("\"Carrier\" <tel:+52-55-4170-8422>;tag=x1");

        Assert.Null(address.Uri);
        Assert.Equal("+52-55-4170-8422", address.TelUri!.Number);
        Assert.Equal("+52-55-4170-8422", address.User);
    }

    [Theory]
    [InlineData("\"Mr. J. User <sip:j.user@example.com>")]
    [InlineData("< sip:t.watson@example.org >")]
    [InlineData("Watson, Thomas <sip:t.watson@example.org>")]
    [InlineData("sip:user@example.com?Route=%3Csip:sip.example.com%3E")]
    [InlineData("<sip:joe@example.org>;;;;")]
    [InlineData("<sip:joe@example.org>;tag=")]
    [InlineData("<sip:joe@example.org> trailing")]
    [InlineData("<sip:joe@example.org")]
    [InlineData("<>")]
    [InlineData("")]
    [InlineData("just-a-token")]
    [InlineData("<sip:@example.org>")]
    public void Malformed_address_is_rejected(string text)
    {
        Assert.False(NameAddress.TryParse(text, out _));
    }

    [Fact]
    public void Written_form_always_uses_angle_brackets_and_quotes()
    {
        var address = NameAddress.Parse("caller<sip:caller@example.com>;tag=323").WithTag("abc").WithParameter("expires", "30");

        Assert.Equal("\"caller\" <sip:caller@example.com>;tag=abc;expires=30", address.ToString());
        Assert.Equal(address.ToString(), NameAddress.Parse(address.ToString()).ToString());
    }

    [Fact]
    public void Built_address_quotes_awkward_display_names()
    {
        var address = new NameAddress(new SipUri("example.com", user: "bob"), "Bob \"the\" Builder").WithTag("t1");

        Assert.Equal("\"Bob \\\"the\\\" Builder\" <sip:bob@example.com>;tag=t1", address.ToString());
        Assert.Equal("Bob \"the\" Builder", NameAddress.Parse(address.ToString()).DisplayName);
    }

    [Theory]
    [InlineData("a;b")]
    [InlineData("two words")]
    [InlineData("\"unterminated")]
    [InlineData("")]
    public void Parameter_values_that_would_break_the_header_are_refused(string value)
    {
        var address = NameAddress.Parse("<sip:a@example.com>");

        Assert.Throws<ArgumentException>(() => address.WithParameter("x", value));
    }

    [Fact]
    public void Quoted_parameter_values_are_kept_with_their_quotes()
    {
        var address = NameAddress.Parse("<sip:a@example.com>").WithParameter("+sip.instance", "\"<urn:uuid:1>\"");

        Assert.Equal("<sip:a@example.com>;+sip.instance=\"<urn:uuid:1>\"", address.ToString());
    }
}
