using CallMyWay.Voice.Domain.Cases;

namespace CallMyWay.Voice.Domain.Tests.Cases;

public class CaseNumberTests
{
    [Theory]
    [InlineData("1001", 1001L)]
    [InlineData("7", 7L)]
    // As written in an e-mail subject or a chat.
    [InlineData("#1001", 1001L)]
    [InlineData("  1001 ", 1001L)]
    [InlineData(" #1001\t", 1001L)]
    // Keypad entry with leading zeros.
    [InlineData("0001001", 1001L)]
    // The longest number the keypad takes.
    [InlineData("999999999999", 999_999_999_999L)]
    public void Digits_are_a_case_number(string text, long expected)
    {
        Assert.True(CaseNumber.TryParse(text, out var number));
        Assert.Equal(expected, number);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("#")]
    [InlineData("10a1")]
    [InlineData("ABC")]
    [InlineData("CASE-1001")]
    [InlineData("+1001")]
    [InlineData("-1001")]
    [InlineData("10 01")]
    [InlineData("# 1001")]
    [InlineData("##1001")]
    [InlineData("1001#")]
    [InlineData("1,001")]
    [InlineData("1001.0")]
    // Arabic-Indic digits are digits to .NET but not on a keypad.
    [InlineData("\u0661\u0660\u0660\u0661")]
    public void Anything_but_digits_is_refused(string text)
    {
        Assert.False(CaseNumber.TryParse(text, out var number));
        Assert.Equal(0, number);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("000")]
    [InlineData("#0")]
    public void Zero_is_not_a_case_number(string text)
    {
        Assert.False(CaseNumber.TryParse(text, out var number));
        Assert.Equal(0, number);
    }

    [Theory]
    [InlineData("1000000000000")]
    [InlineData("0000000000001")]
    [InlineData("99999999999999999999")]
    public void More_than_twelve_digits_is_refused(string text)
    {
        Assert.Equal(12, CaseNumber.MaxDigits);
        Assert.False(CaseNumber.TryParse(text, out var number));
        Assert.Equal(0, number);
    }
}
