using CallMyWay.Voice.Telephony.Sip.Auth;
using CallMyWay.Voice.Telephony.Sip.Registrar;

namespace CallMyWay.Voice.Telephony.Tests.Sip.Registrar;

public sealed class SipAccountTests
{
    [Fact]
    public void Password_answers_for_every_algorithm()
    {
        var account = SipAccount.WithPassword("201", "Ana", "secret201");

        Assert.All(DigestAlgorithm.All, algorithm => Assert.NotNull(account.GetSecret(algorithm)));
    }

    [Fact]
    public void Stored_HA1_answers_only_for_its_hash_and_its_session_variant()
    {
        var account = SipAccount.WithHa1("201", "Ana", DigestAlgorithm.Md5.ComputeHa1("201", "callmyway", "secret201"), sha256Ha1: null);

        Assert.NotNull(account.GetSecret(DigestAlgorithm.Md5));
        Assert.NotNull(account.GetSecret(DigestAlgorithm.Md5Session));
        Assert.Null(account.GetSecret(DigestAlgorithm.Sha256));
        Assert.Null(account.GetSecret(DigestAlgorithm.Sha512Truncated256));
    }

    [Fact]
    public void Secrets_stay_out_of_the_text_form()
    {
        var account = SipAccount.WithPassword("201", "Ana", "secret201");

        Assert.Equal("201 (Ana)", account.ToString());
    }
}
