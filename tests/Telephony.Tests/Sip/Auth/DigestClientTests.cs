using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using CallMyWay.Voice.Telephony.Sip.Auth;

namespace CallMyWay.Voice.Telephony.Tests.Sip.Auth;

public sealed class DigestClientTests
{
    [Fact]
    public void Answers_the_RFC_2617_example_with_its_published_response()
    {
        var client = new DigestClient("Mufasa", RfcExamples.Rfc2617Password, () => "0a4f113b");
        Assert.True(DigestChallenge.TryParse(RfcExamples.Rfc2617Challenge, out var challenge, out _));

        var credentials = client.Authorize(challenge, "GET", "/dir/index.html");

        Assert.NotNull(credentials);
        Assert.Equal(RfcExamples.Rfc2617Response, credentials.Response);
        Assert.Equal("auth", credentials.Qop);
        Assert.Equal(1u, credentials.NonceCount);
        Assert.Equal("0a4f113b", credentials.ClientNonce);
        Assert.Equal("5ccc069c403ebaf9f0171e9517f40e41", credentials.Opaque);
        Assert.Equal(
            "Digest username=\"Mufasa\", realm=\"testrealm@host.com\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", "
            + "uri=\"/dir/index.html\", response=\"6629fae49393a05397450978507c4ef1\", algorithm=MD5, cnonce=\"0a4f113b\", "
            + "opaque=\"5ccc069c403ebaf9f0171e9517f40e41\", qop=auth, nc=00000001",
            credentials.ToString());
    }

    [Fact]
    public void Answers_the_RFC_7616_example_with_SHA_256_when_both_algorithms_are_offered()
    {
        var client = new DigestClient("Mufasa", RfcExamples.Rfc7616Password, () => RfcExamples.Rfc7616ClientNonce);

        var credentials = client.Authorize(
            [Parse(RfcExamples.Rfc7616Sha256Challenge), Parse(RfcExamples.Rfc7616Md5Challenge)], "GET", "/dir/index.html");

        Assert.NotNull(credentials);
        Assert.Same(DigestAlgorithm.Sha256, credentials.Algorithm);
        Assert.Equal(RfcExamples.Rfc7616Sha256Response, credentials.Response);
    }

    [Fact]
    public void Prefers_SHA_256_even_when_MD5_comes_first()
    {
        var client = new DigestClient("Mufasa", RfcExamples.Rfc7616Password, () => RfcExamples.Rfc7616ClientNonce);

        var credentials = client.Authorize(
            [Parse(RfcExamples.Rfc7616Md5Challenge), Parse(RfcExamples.Rfc7616Sha256Challenge)], "GET", "/dir/index.html");

        Assert.NotNull(credentials);
        Assert.Equal(RfcExamples.Rfc7616Sha256Response, credentials.Response);
    }

    [Fact]
    public void Answers_the_RFC_7616_MD5_challenge_with_its_published_response()
    {
        var client = new DigestClient("Mufasa", RfcExamples.Rfc7616Password, () => RfcExamples.Rfc7616ClientNonce);

        var credentials = client.Authorize(Parse(RfcExamples.Rfc7616Md5Challenge), "GET", "/dir/index.html");

        Assert.NotNull(credentials);
        Assert.Equal(RfcExamples.Rfc7616Md5Response, credentials.Response);
    }

    [Fact]
    public void Answers_SHA_512_256_like_an_independent_implementation()
    {
        var client = new DigestClient("Mufasa", RfcExamples.Rfc7616Password, () => RfcExamples.Rfc7616ClientNonce);
        var challenge = Parse(RfcExamples.Rfc7616Sha256Challenge.Replace("SHA-256", "SHA-512-256", StringComparison.Ordinal));

        var credentials = client.Authorize(challenge, "GET", "/dir/index.html");

        // OpenSSL's SHA-512/256 over the RFC 7616 §3.9.1 inputs.
        Assert.Equal("430d05014cecc49cab6fbe03176d41a1da86cbfe24a16580e22aaad928d960d0", credentials?.Response);
    }

    [Fact]
    public void Answers_MD5_sess_like_an_independent_implementation()
    {
        var client = new DigestClient("Mufasa", RfcExamples.Rfc2617Password, () => "0a4f113b");
        var challenge = Parse(RfcExamples.Rfc2617Challenge + ", algorithm=MD5-sess");

        var credentials = client.Authorize(challenge, "GET", "/dir/index.html");

        Assert.Equal("8e3825c57e897f5a0dec6c2d4e5059d0", credentials?.Response);
        Assert.Contains("algorithm=MD5-sess", credentials?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Answers_an_RFC_2069_challenge_without_qop()
    {
        var client = new DigestClient("Mufasa", "CircleOfLife");
        var challenge = Parse("Digest realm=\"testrealm@host.com\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", "
            + "opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"");

        var credentials = client.Authorize(challenge, "GET", "/dir/index.html");

        Assert.NotNull(credentials);

        // RFC 2069 §2.4's published response.
        Assert.Equal("1949323746fe6a43ef61f9606e7febea", credentials.Response);
        Assert.Null(credentials.Qop);
        Assert.Null(credentials.ClientNonce);
        Assert.Null(credentials.NonceCount);
        Assert.DoesNotContain("nc=", credentials.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Uses_auth_int_with_the_body_when_only_auth_int_is_offered()
    {
        var client = new DigestClient("Mufasa", RfcExamples.Rfc7616Password, () => RfcExamples.Rfc7616ClientNonce);
        var challenge = Parse("Digest realm=\"http-auth@example.org\", qop=\"auth-int\", algorithm=SHA-256, "
            + "nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\"");
        client.Authorize(challenge, "INVITE", "sip:bob@example.org");

        var credentials = client.Authorize(challenge, "INVITE", "sip:bob@example.org", "v=0\r\n"u8);

        Assert.Equal("auth-int", credentials?.Qop);
        Assert.Equal(2u, credentials?.NonceCount);

        // Python hashlib over the same inputs.
        Assert.Equal("21468b02aafd4fe0a3d84bfddaf3618cc087adff4bb3c92d0a5f99c3035fcb9a", credentials?.Response);
    }

    [Fact]
    public void Counts_up_per_nonce_and_restarts_for_a_new_nonce()
    {
        var client = new DigestClient("alice", "secret");
        var first = Parse("Digest realm=\"r\", nonce=\"one\", qop=\"auth\"");
        var second = Parse("Digest realm=\"r\", nonce=\"two\", qop=\"auth\"");

        var counts = new[]
        {
            client.Authorize(first, "REGISTER", "sip:r")?.NonceCount,
            client.Authorize(first, "REGISTER", "sip:r")?.NonceCount,
            client.Authorize(second, "REGISTER", "sip:r")?.NonceCount,
            client.Authorize(first, "REGISTER", "sip:r")?.NonceCount,
        };

        Assert.Equal([1u, 2u, 1u, 3u], counts);
    }

    [Fact]
    public void Client_nonces_are_random()
    {
        var client = new DigestClient("alice", "secret");
        var challenge = Parse("Digest realm=\"r\", nonce=\"n\", qop=\"auth\"");

        var a = client.Authorize(challenge, "REGISTER", "sip:r")?.ClientNonce;
        var b = client.Authorize(challenge, "REGISTER", "sip:r")?.ClientNonce;

        Assert.Matches("^[0-9a-f]{32}$", a);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Challenges_it_cannot_answer_give_null()
    {
        var client = new DigestClient("alice", "secret");

        Assert.Null(client.Authorize(Parse("Digest realm=\"r\", nonce=\"n\", qop=\"auth-conf\""), "INVITE", "sip:r"));
        Assert.Null(client.Authorize(Parse("Digest realm=\"r\", nonce=\"n\", algorithm=SHA-256-sess"), "INVITE", "sip:r"));
        Assert.Null(client.Authorize([Parse("Digest realm=\"r\", nonce=\"n\", qop=\"x\"")], "INVITE", "sip:r"));
        Assert.Null(DigestClient.SelectChallenge([]));
    }

    [Fact]
    public void Skips_an_unanswerable_stronger_challenge()
    {
        var sha = Parse("Digest realm=\"r\", nonce=\"n\", algorithm=SHA-256, qop=\"auth-conf\"");
        var md5 = Parse("Digest realm=\"r\", nonce=\"n\", algorithm=MD5, qop=\"auth\"");

        Assert.Same(md5, DigestClient.SelectChallenge([sha, md5]));
    }

    [Fact]
    public void Answer_to_a_sipp_trunk_challenge_is_what_sipp_verifyauth_accepts()
    {
        // The 401 of shared/sip/scenarios/uas_auth.xml; sipp checks with the uri= we send (README §5).
        var challenge = Parse("Digest realm=\"trunk.test\", nonce=\"424215f3c2a1700000000\", algorithm=MD5, qop=\"auth\"");
        var client = new DigestClient("trunkuser", "s3cret");

        var value = client.Authorize(challenge, "INVITE", "sip:15550001111@127.0.0.1:5070")?.ToString();

        Assert.NotNull(value);

        // sipp's getAuthParameter finds a name only right before "=", preceded by "," or a space.
        Assert.DoesNotMatch(" =|= ", value);
        Assert.Contains(", qop=auth,", value, StringComparison.Ordinal);
        Assert.Matches(", nc=00000001(,|$)", value);
        var response = Param(value, "response");
        var expected = SippVerifyAuth("trunkuser", "s3cret", "INVITE", value);
        Assert.Equal(expected, response);
    }

    internal static DigestChallenge Parse(string value)
    {
        Assert.True(DigestChallenge.TryParse(value, out var challenge, out var error), error.ToString());
        return challenge;
    }

    // sipp's verifyAuthHeader, re-done with the BCL's MD5: every field read from the header itself.
    private static string SippVerifyAuth(string user, string password, string method, string header)
    {
        var ha1 = Md5Hex($"{user}:{Param(header, "realm")}:{password}");
        var ha2 = Md5Hex($"{method}:{Param(header, "uri")}");
        return Md5Hex($"{ha1}:{Param(header, "nonce")}:{Param(header, "nc")}:{Param(header, "cnonce")}:{Param(header, "qop")}:{ha2}");
    }

    private static string Param(string header, string name)
    {
        var match = Regex.Match(header, "(?:^|[ ,])" + name + "=(?:\"([^\"]*)\"|([^ ,\"]*))");
        Assert.True(match.Success, name);
        return match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value;
    }

#pragma warning disable CA5351 // MD5 is what sipp checks with.
    private static string Md5Hex(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
#pragma warning restore CA5351
}
