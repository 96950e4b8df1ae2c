using CallMyWay.Voice.Telephony.Sip.Auth;

namespace CallMyWay.Voice.Telephony.Tests.Sip.Auth;

public sealed class DigestChallengeTests
{
    [Fact]
    public void RFC_7616_folded_challenge_parses()
    {
        Assert.True(DigestChallenge.TryParse(RfcExamples.Rfc7616Sha256Challenge, out var challenge, out var error));

        Assert.Equal(DigestParseError.None, error);
        Assert.Equal("http-auth@example.org", challenge.Realm);
        Assert.Equal("7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", challenge.Nonce);
        Assert.Equal("FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS", challenge.Opaque);
        Assert.Same(DigestAlgorithm.Sha256, challenge.Algorithm);
        Assert.Equal(["auth", "auth-int"], challenge.QopOptions);
        Assert.False(challenge.Stale);
        Assert.Empty(challenge.ExtensionParameters);
    }

    [Fact]
    public void Challenge_without_algorithm_is_MD5()
    {
        Assert.True(DigestChallenge.TryParse(RfcExamples.Rfc2617Challenge, out var challenge, out _));

        Assert.Same(DigestAlgorithm.Md5, challenge.Algorithm);
        Assert.Equal("5ccc069c403ebaf9f0171e9517f40e41", challenge.Opaque);
    }

    [Fact]
    public void Extra_whitespace_and_empty_list_elements_are_tolerated()
    {
        const string value = "  Digest   realm = \"a\" ,, \t nonce=\"b\"  ,algorithm = SHA-256 ,  qop=\"auth\" , ";

        Assert.True(DigestChallenge.TryParse(value, out var challenge, out _));

        Assert.Equal("a", challenge.Realm);
        Assert.Equal("b", challenge.Nonce);
        Assert.Same(DigestAlgorithm.Sha256, challenge.Algorithm);
        Assert.Equal(["auth"], challenge.QopOptions);
    }

    [Fact]
    public void Scheme_and_parameter_names_are_case_insensitive()
    {
        Assert.True(DigestChallenge.TryParse("digest REALM=\"a\", Nonce=\"b\", ALGORITHM=sha-256, QOP=\"AUTH\"", out var challenge, out _));

        Assert.Equal("a", challenge.Realm);
        Assert.Same(DigestAlgorithm.Sha256, challenge.Algorithm);
        Assert.True(challenge.Offers("auth"));
    }

    [Fact]
    public void Quoted_values_keep_commas_equals_and_escaped_quotes()
    {
        const string value = "Digest realm=\"a, nonce=\\\"evil\\\", b=c\", nonce=\"real\", opaque=\"back\\\\slash\"";

        Assert.True(DigestChallenge.TryParse(value, out var challenge, out _));

        Assert.Equal("a, nonce=\"evil\", b=c", challenge.Realm);
        Assert.Equal("real", challenge.Nonce);
        Assert.Equal("back\\slash", challenge.Opaque);
    }

    [Fact]
    public void Unknown_parameters_are_kept_in_order()
    {
        const string value = "Digest realm=\"a\", charset=UTF-8, nonce=\"b\", userhash=true, x-note=\"one, two\"";

        Assert.True(DigestChallenge.TryParse(value, out var challenge, out _));

        Assert.Equal(
            [new("charset", "UTF-8"), new("userhash", "true"), new KeyValuePair<string, string>("x-note", "one, two")],
            challenge.ExtensionParameters);
    }

    [Theory]
    [InlineData("stale=TRUE", true)]
    [InlineData("stale=true", true)]
    [InlineData("stale=\"true\"", true)]
    [InlineData("stale=FALSE", false)]
    [InlineData("stale=yes", false)]
    public void Stale_is_true_only_for_true_in_any_case(string parameter, bool expected)
    {
        Assert.True(DigestChallenge.TryParse("Digest realm=\"a\", nonce=\"b\", " + parameter, out var challenge, out _));

        Assert.Equal(expected, challenge.Stale);
    }

    [Fact]
    public void Unquoted_qop_and_base64_nonce_are_accepted()
    {
        Assert.True(DigestChallenge.TryParse("Digest realm=\"a\", nonce=YWJj+/ZA==, qop=auth", out var challenge, out _));

        Assert.Equal("YWJj+/ZA==", challenge.Nonce);
        Assert.Equal(["auth"], challenge.QopOptions);
    }

    [Fact]
    public void RFC_3261_example_with_domain_and_empty_opaque_parses()
    {
        const string value = "Digest realm=\"atlanta.com\", domain=\"sip:boxesbybob.com\", qop=\"auth\", "
            + "nonce=\"f84f1cec41e6cbe5aea9c8e88d359\", opaque=\"\", stale=FALSE, algorithm=MD5";

        Assert.True(DigestChallenge.TryParse(value, out var challenge, out _));

        Assert.Equal("sip:boxesbybob.com", challenge.Domain);
        Assert.Equal(string.Empty, challenge.Opaque);
        Assert.False(challenge.Stale);
    }

    [Theory]
    [InlineData("", DigestParseError.Empty)]
    [InlineData(" \t ", DigestParseError.Empty)]
    [InlineData("Basic realm=\"a\"", DigestParseError.NotDigest)]
    [InlineData("Digestive realm=\"a\"", DigestParseError.NotDigest)]
    [InlineData("Digest, realm=\"a\", nonce=\"b\"", DigestParseError.Malformed)]
    [InlineData("Digest realm=\"a", DigestParseError.Malformed)]
    [InlineData("Digest realm=\"a\\", DigestParseError.Malformed)]
    [InlineData("Digest realm", DigestParseError.Malformed)]
    [InlineData("Digest realm=", DigestParseError.Malformed)]
    [InlineData("Digest realm=,nonce=\"b\"", DigestParseError.Malformed)]
    [InlineData("Digest =\"a\"", DigestParseError.Malformed)]
    [InlineData("Digest realm=\"a\" nonce=\"b\"", DigestParseError.Malformed)]
    [InlineData("Digest realm=\"a\"x, nonce=\"b\"", DigestParseError.Malformed)]
    [InlineData("Digest realm=\"a\", nonce=\"b\", Basic realm=\"c\"", DigestParseError.Malformed)]
    [InlineData("Digest realm=\"a\", realm=\"b\", nonce=\"c\"", DigestParseError.DuplicateParameter)]
    [InlineData("Digest realm=\"a\", nonce=\"b\", NONCE=\"c\"", DigestParseError.DuplicateParameter)]
    [InlineData("Digest nonce=\"b\"", DigestParseError.MissingRealm)]
    [InlineData("Digest", DigestParseError.MissingRealm)]
    [InlineData("Digest realm=\"a\"", DigestParseError.MissingNonce)]
    [InlineData("Digest realm=\"a\", nonce=\"b\", algorithm=SHA-1", DigestParseError.UnsupportedAlgorithm)]
    [InlineData("Digest realm=\"a\", nonce=\"b\", algorithm=AKAv1-MD5", DigestParseError.UnsupportedAlgorithm)]
    public void Malformed_challenges_give_typed_errors(string value, DigestParseError expected)
    {
        Assert.False(DigestChallenge.TryParse(value, out var challenge, out var error));

        Assert.Null(challenge);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Too_many_parameters_are_refused()
    {
        var value = "Digest realm=\"a\", nonce=\"b\"" + string.Concat(Enumerable.Range(0, 100).Select(i => $", p{i}=x"));

        Assert.False(DigestChallenge.TryParse(value, out _, out var error));
        Assert.Equal(DigestParseError.Malformed, error);
    }

    [Fact]
    public void Random_input_never_throws()
    {
        var random = new Random(3261);
        const string alphabet = "Digest realmnoc=\"\\, \t\r\n=aq-A9\u00e9";
        for (var i = 0; i < 20_000; i++)
        {
            var chars = new char[random.Next(0, 60)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = alphabet[random.Next(alphabet.Length)];
            }

            var value = (random.Next(2) == 0 ? "Digest " : string.Empty) + new string(chars);
            var parsed = DigestChallenge.TryParse(value, out var challenge, out var error);
            Assert.Equal(parsed, error == DigestParseError.None);
            Assert.Equal(parsed, challenge is not null);
            DigestCredentials.TryParse(value, out _, out _);
        }
    }

    [Fact]
    public void Formats_as_a_WWW_Authenticate_value()
    {
        var challenge = new DigestChallenge
        {
            Realm = "callmyway.test",
            Nonce = "n0nce",
            Algorithm = DigestAlgorithm.Sha256,
            Opaque = "op\"aque",
            QopOptions = ["auth", "auth-int"],
            Stale = true,
            ExtensionParameters = [new("charset", "UTF-8"), new("note", "a b")],
        };

        Assert.Equal(
            "Digest realm=\"callmyway.test\", nonce=\"n0nce\", opaque=\"op\\\"aque\", stale=TRUE, algorithm=SHA-256, "
            + "qop=\"auth,auth-int\", charset=UTF-8, note=\"a b\"",
            challenge.ToString());
    }

    [Fact]
    public void Formatted_challenge_parses_back_to_the_same_values()
    {
        var original = new DigestChallenge
        {
            Realm = "r\\e\"alm, x",
            Nonce = "abc",
            Algorithm = DigestAlgorithm.Sha512Truncated256Session,
            Domain = "sip:callmyway.test",
            QopOptions = ["auth"],
        };

        Assert.True(DigestChallenge.TryParse(original.ToString(), out var parsed, out _));

        Assert.Equal(original.Realm, parsed.Realm);
        Assert.Equal(original.Nonce, parsed.Nonce);
        Assert.Same(original.Algorithm, parsed.Algorithm);
        Assert.Equal(original.Domain, parsed.Domain);
        Assert.Equal(original.QopOptions, parsed.QopOptions);
        Assert.False(parsed.Stale);
        Assert.Null(parsed.Opaque);
    }
}
