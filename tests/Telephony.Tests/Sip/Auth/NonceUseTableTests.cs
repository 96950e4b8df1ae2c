using CallMyWay.Voice.Telephony.Sip.Auth;

namespace CallMyWay.Voice.Telephony.Tests.Sip.Auth;

public sealed class NonceUseTableTests
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    [Fact]
    public void Nonce_counts_must_increase()
    {
        var table = new NonceUseTable(10, Lifetime);

        Assert.Equal(NonceUseTable.Use.Accepted, table.Register("n", "u", 0, 1, 0));
        Assert.Equal(NonceUseTable.Use.Accepted, table.Register("n", "u", 0, 5, 0));
        Assert.Equal(NonceUseTable.Use.Replay, table.Register("n", "u", 0, 5, 0));
        Assert.Equal(NonceUseTable.Use.Replay, table.Register("n", "u", 0, 4, 0));
        Assert.Equal(NonceUseTable.Use.Replay, table.Register("n", "u", 0, null, 0));
    }

    [Fact]
    public void A_nonce_used_without_qop_is_spent()
    {
        var table = new NonceUseTable(10, Lifetime);

        Assert.Equal(NonceUseTable.Use.Accepted, table.Register("n", "u", 0, null, 0));
        Assert.Equal(NonceUseTable.Use.Replay, table.Register("n", "u", 0, 2, 0));
    }

    [Fact]
    public void A_nonce_that_expired_at_a_later_time_seen_is_not_re_admitted()
    {
        var table = new NonceUseTable(10, Lifetime);
        Assert.Equal(NonceUseTable.Use.Accepted, table.Register("old", "u", 0, 1, 0));

        // Another thread, later, drops "old" as expired...
        var later = Lifetime.Ticks + 1;
        Assert.Equal(NonceUseTable.Use.Accepted, table.Register("new", "u", later, 1, later));
        Assert.Equal(1, table.Count);

        // ...so a replay whose caller read the clock before that must not find "old" unknown and accepted.
        Assert.Equal(NonceUseTable.Use.Forgotten, table.Register("old", "u", 0, 1, Lifetime.Ticks));
    }

    [Fact]
    public void Bounded_table_forgets_the_oldest_issue_times()
    {
        var table = new NonceUseTable(2, Lifetime);
        table.Register("a", "u", 10, 1, 30);
        table.Register("b", "u", 20, 1, 30);

        Assert.Equal(NonceUseTable.Use.Accepted, table.Register("c", "u", 30, 1, 30));
        Assert.Equal(2, table.Count);
        Assert.Equal(NonceUseTable.Use.Forgotten, table.Register("a", "u", 10, 2, 30));
        Assert.Equal(NonceUseTable.Use.Accepted, table.Register("b", "u", 20, 2, 30));
    }
}
