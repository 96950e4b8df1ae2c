using CallMyWay.Voice.Telephony.Sip.Messages;

namespace CallMyWay.Voice.Telephony.Tests.Sip.Messages;

public sealed class SipIdentifiersTests
{
    [Fact]
    public void Branches_carry_the_magic_cookie_and_never_repeat()
    {
        var branches = Enumerable.Range(0, 1000).Select(_ => SipIdentifiers.NewBranch()).ToList();

        Assert.All(branches, branch => Assert.StartsWith("z9hG4bK", branch, StringComparison.Ordinal));
        Assert.All(branches, branch => Assert.True(ViaHeader.TryParse($"SIP/2.0/UDP h.example.com;branch={branch}", out _)));
        Assert.Equal(1000, branches.Distinct().Count());
    }

    [Fact]
    public void Tags_are_short_distinct_tokens()
    {
        var tags = Enumerable.Range(0, 1000).Select(_ => SipIdentifiers.NewTag()).ToList();

        Assert.All(tags, tag => Assert.Equal(10, tag.Length));
        Assert.All(tags, tag => Assert.True(NameAddress.Parse("<sip:a@b.example.com>").WithTag(tag).Tag == tag));
        Assert.Equal(1000, tags.Distinct().Count());
    }

    [Fact]
    public void Call_ids_are_valid_and_distinct()
    {
        var plain = SipIdentifiers.NewCallId();
        var withHost = SipIdentifiers.NewCallId("192.0.2.1");
        var request = new SipRequest(SipMethod.Options, SipUri.Parse("sip:a@b.example.com"));

        request.CallId = withHost;

        Assert.Equal(20, plain.Length);
        Assert.EndsWith("@192.0.2.1", withHost, StringComparison.Ordinal);
        Assert.NotEqual(plain, SipIdentifiers.NewCallId());
        Assert.Throws<ArgumentException>(() => SipIdentifiers.NewCallId("bad host"));
    }
}
