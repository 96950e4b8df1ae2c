using CallMyWay.Voice.Telephony.Sip.Messages;

namespace CallMyWay.Voice.Telephony.Tests.Sip.Messages;

public sealed class SipMethodTests
{
    [Theory]
    [InlineData("INVITE", SipMethodKind.Invite)]
    [InlineData("ACK", SipMethodKind.Ack)]
    [InlineData("BYE", SipMethodKind.Bye)]
    [InlineData("CANCEL", SipMethodKind.Cancel)]
    [InlineData("OPTIONS", SipMethodKind.Options)]
    [InlineData("REGISTER", SipMethodKind.Register)]
    [InlineData("INFO", SipMethodKind.Info)]
    [InlineData("UPDATE", SipMethodKind.Update)]
    [InlineData("PRACK", SipMethodKind.Prack)]
    [InlineData("SUBSCRIBE", SipMethodKind.Subscribe)]
    [InlineData("NOTIFY", SipMethodKind.Notify)]
    [InlineData("REFER", SipMethodKind.Refer)]
    [InlineData("MESSAGE", SipMethodKind.Message)]
    [InlineData("PUBLISH", SipMethodKind.Extension)]
    [InlineData("invite", SipMethodKind.Extension)]
    public void Well_known_methods_are_recognised_case_sensitively(string name, SipMethodKind kind)
    {
        var method = SipMethod.Parse(name);

        Assert.Equal(kind, method.Kind);
        Assert.Equal(name, method.ToString());
        Assert.Equal(kind == SipMethodKind.Extension, method.IsExtension);
    }

    [Fact]
    public void Methods_compare_by_name()
    {
        Assert.Same(SipMethod.Invite, SipMethod.Parse("INVITE"));
        Assert.Equal(SipMethod.Parse("PUBLISH"), SipMethod.Parse("PUBLISH"));
        Assert.True(SipMethod.Parse("PUBLISH") == SipMethod.Parse("PUBLISH"));
        Assert.NotEqual(SipMethod.Invite, SipMethod.Parse("invite"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("IN VITE")]
    [InlineData("INVITE:")]
    public void Non_token_method_is_rejected(string name)
    {
        Assert.False(SipMethod.TryParse(name, out _));
    }

    [Theory]
    [InlineData("1 INVITE", 1u, "INVITE")]
    [InlineData("  0009\t INVITE ", 9u, "INVITE")]
    [InlineData("4294967295 BYE", 4294967295u, "BYE")]
    public void CSeq_reads_number_and_method(string text, uint number, string method)
    {
        Assert.True(CSeq.TryParse(text, out var cseq));
        Assert.Equal(new CSeq(number, SipMethod.Parse(method)), cseq);
    }

    [Theory]
    [InlineData("4294967296 INVITE")]
    [InlineData("-1 INVITE")]
    [InlineData("1")]
    [InlineData("INVITE")]
    [InlineData("1INVITE")]
    [InlineData("1 INVITE extra")]
    public void Malformed_cseq_is_rejected(string text)
    {
        Assert.False(CSeq.TryParse(text, out _));
    }
}
