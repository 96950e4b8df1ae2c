using CallMyWay.Voice.Domain.Conversations;

namespace CallMyWay.Voice.Domain.Tests.Conversations;

public class CaseReferenceTests
{
    [Theory]
    [InlineData("#1234", 1234L)]
    [InlineData("caso 1234", 1234L)]
    [InlineData("caso #1234", 1234L)]
    [InlineData("case 1234", 1234L)]
    [InlineData("[Caso #1234]", 1234L)]
    [InlineData("CASO 1234", 1234L)]
    [InlineData("Case #1234", 1234L)]
    [InlineData("caso#1234", 1234L)]
    [InlineData("caso   1234", 1234L)]
    [InlineData("Re: [Caso #1234] Sin tono", 1234L)]
    [InlineData("Hola, sobre el caso 98765: sigue fallando", 98765L)]
    [InlineData("about case 7.", 7L)]
    [InlineData("(#42)", 42L)]
    [InlineData("mi caso es el #1234, gracias", 1234L)]
    [InlineData("#999999999999", 999_999_999_999L)]
    [InlineData("caso 00123", 123L)]
    // The first reference wins.
    [InlineData("caso 111 y caso 222", 111L)]
    // A zero is no case; the next reference is.
    [InlineData("#0 o #55", 55L)]
    public void A_case_marker_followed_by_digits_is_a_reference(string text, long expected) =>
        Assert.Equal(expected, CaseReference.Find(text));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("1234")]
    [InlineData("#")]
    [InlineData("caso abc")]
    [InlineData("caso")]
    [InlineData("caso #")]
    [InlineData("# 1234")]
    [InlineData("##1234")]
    [InlineData("caso # 1234")]
    [InlineData("caso1234")]
    [InlineData("ocaso 1234")]
    [InlineData("showcase 1234")]
    [InlineData("casos 1234")]
    [InlineData("C#1234")]
    [InlineData("page#1234")]
    [InlineData("#1234abc")]
    [InlineData("#1234567890123")]
    [InlineData("#0")]
    [InlineData("caso 0000")]
    [InlineData("mi teléfono es 5512345678")]
    // Arabic-Indic digits are not case numbers.
    [InlineData("#\u0661\u0662\u0663\u0664")]
    public void Text_without_a_marked_number_has_no_reference(string text) =>
        Assert.Null(CaseReference.Find(text));

    [Fact]
    public void No_text_has_no_reference() => Assert.Null(CaseReference.Find(null));
}
