using CallMyWay.Voice.Telephony.Sip.Auth;

namespace CallMyWay.Voice.Telephony.Tests.Sip.Auth;

public sealed class DigestCredentialsTests
{
    // What sipp 3.6 writes for [authentication] (auth.cpp createAuthHeaderMD5): no spaces, cnonce/nc/qop first.
    private const string SippAuthorization =
        "Digest username=\"trunkuser\",realm=\"trunk.test\",cnonce=\"6b8b4567\",nc=00000001,qop=auth,"
        + "uri=\"sip:127.0.0.1:5070\",nonce=\"abc\",response=\"aa9ccc6c6ef571fd38f0475f798f743b\",algorithm=MD5";

    [Fact]
    public void Sipp_authorization_parses()
    {
        Assert.True(DigestCredentials.TryParse(SippAuthorization, out var credentials, out var error));

        Assert.Equal(DigestParseError.None, error);
        Assert.Equal("trunkuser", credentials.Username);
        Assert.Equal("trunk.test", credentials.Realm);
        Assert.Equal("6b8b4567", credentials.ClientNonce);
        Assert.Equal(1u, credentials.NonceCount);
        Assert.Equal("auth", credentials.Qop);
        Assert.Equal("sip:127.0.0.1:5070", credentials.Uri);
        Assert.Equal("abc", credentials.Nonce);
        Assert.Equal("aa9ccc6c6ef571fd38f0475f798f743b", credentials.Response);
        Assert.Same(DigestAlgorithm.Md5, credentials.Algorithm);
        Assert.Null(credentials.Opaque);
    }

    [Fact]
    public void Sipp_response_is_the_digest_of_its_fields()
    {
        // The response above was computed independently (Python hashlib) for password "s3cret" and INVITE.
        Assert.True(DigestCredentials.TryParse(SippAuthorization, out var credentials, out _));

        Assert.Equal(credentials.Response, ResponseFor(credentials, "s3cret", "INVITE"));
    }

    [Fact]
    public void RFC_2617_authorization_parses_and_its_response_checks_out()
    {
        Assert.True(DigestCredentials.TryParse(RfcExamples.Rfc2617Authorization, out var credentials, out _));

        Assert.Equal("Mufasa", credentials.Username);
        Assert.Equal("/dir/index.html", credentials.Uri);
        Assert.Equal("0a4f113b", credentials.ClientNonce);
        Assert.Equal("5ccc069c403ebaf9f0171e9517f40e41", credentials.Opaque);
        Assert.Same(DigestAlgorithm.Md5, credentials.Algorithm);
        Assert.Equal(RfcExamples.Rfc2617Response, credentials.Response);
        Assert.Equal(RfcExamples.Rfc2617Response, ResponseFor(credentials, RfcExamples.Rfc2617Password, "GET"));
    }

    [Fact]
    public void RFC_7616_authorization_parses_and_its_response_checks_out()
    {
        Assert.True(DigestCredentials.TryParse(RfcExamples.Rfc7616Sha256Authorization, out var credentials, out _));

        Assert.Same(DigestAlgorithm.Sha256, credentials.Algorithm);
        Assert.Equal(RfcExamples.Rfc7616ClientNonce, credentials.ClientNonce);
        Assert.Equal(RfcExamples.Rfc7616Sha256Response, ResponseFor(credentials, RfcExamples.Rfc7616Password, "GET"));
    }

    [Fact]
    public void Quoted_qop_and_nc_are_accepted()
    {
        const string value = "Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"sip:r\", response=\"x\", "
            + "qop=\"auth\", nc=\"00000002\", cnonce=\"c\"";

        Assert.True(DigestCredentials.TryParse(value, out var credentials, out _));

        Assert.Equal("auth", credentials.Qop);
        Assert.Equal(2u, credentials.NonceCount);
    }

    [Fact]
    public void Unknown_parameters_are_kept()
    {
        const string value = "Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"sip:r\", response=\"x\", auts=\"zz\"";

        Assert.True(DigestCredentials.TryParse(value, out var credentials, out _));

        Assert.Equal([new KeyValuePair<string, string>("auts", "zz")], credentials.ExtensionParameters);
    }

    [Theory]
    [InlineData("Digest realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\"", DigestParseError.MissingUsername)]
    [InlineData("Digest username=\"u\", nonce=\"n\", uri=\"u\", response=\"x\"", DigestParseError.MissingRealm)]
    [InlineData("Digest username=\"u\", realm=\"r\", uri=\"u\", response=\"x\"", DigestParseError.MissingNonce)]
    [InlineData("Digest username=\"u\", realm=\"r\", nonce=\"n\", response=\"x\"", DigestParseError.MissingUri)]
    [InlineData("Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"u\"", DigestParseError.MissingResponse)]
    [InlineData("Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\", qop=auth, nc=00000001", DigestParseError.MissingClientNonce)]
    [InlineData("Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\", qop=auth, cnonce=\"c\"", DigestParseError.MissingNonceCount)]
    [InlineData("Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\", qop=auth, cnonce=\"c\", nc=1", DigestParseError.InvalidNonceCount)]
    [InlineData("Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\", qop=auth, cnonce=\"c\", nc=0000000g", DigestParseError.InvalidNonceCount)]
    [InlineData("Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\", qop=auth, cnonce=\"c\", nc=+0000001", DigestParseError.InvalidNonceCount)]
    [InlineData("Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\", qop=auth-conf, cnonce=\"c\", nc=00000001", DigestParseError.UnsupportedQop)]
    [InlineData("Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\", algorithm=MD5-sess", DigestParseError.MissingClientNonce)]
    [InlineData("Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\", algorithm=SHA-1", DigestParseError.UnsupportedAlgorithm)]
    [InlineData("Basic dXNlcjpwYXNz", DigestParseError.NotDigest)]
    [InlineData("Digest username=\"u\", username=\"v\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\"", DigestParseError.DuplicateParameter)]
    [InlineData("Digest username=\"u", DigestParseError.Malformed)]
    public void Incomplete_or_malformed_credentials_give_typed_errors(string value, DigestParseError expected)
    {
        Assert.False(DigestCredentials.TryParse(value, out var credentials, out var error));

        Assert.Null(credentials);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Formats_as_an_Authorization_value_with_qop_and_nc_unquoted()
    {
        var credentials = new DigestCredentials
        {
            Username = "1001",
            Realm = "callmyway.test",
            Nonce = "n0nce",
            Uri = "sip:callmyway.test",
            Response = "0123abcd",
            Algorithm = DigestAlgorithm.Sha256,
            ClientNonce = "c0ffee",
            Opaque = "op",
            Qop = "auth",
            NonceCount = 10,
        };

        Assert.Equal(
            "Digest username=\"1001\", realm=\"callmyway.test\", nonce=\"n0nce\", uri=\"sip:callmyway.test\", "
            + "response=\"0123abcd\", algorithm=SHA-256, cnonce=\"c0ffee\", opaque=\"op\", qop=auth, nc=0000000a",
            credentials.ToString());
    }

    [Fact]
    public void Nonce_count_is_kept_as_written()
    {
        const string value = "Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"sip:r\", response=\"x\", "
            + "qop=auth, nc=0000000A, cnonce=\"c\"";

        Assert.True(DigestCredentials.TryParse(value, out var credentials, out _));

        Assert.Equal(10u, credentials.NonceCount);
        Assert.Contains("nc=0000000A", credentials.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Escaped_username_round_trips()
    {
        var credentials = new DigestCredentials
        {
            Username = "a\"b\\c",
            Realm = "r",
            Nonce = "n",
            Uri = "sip:r",
            Response = "x",
        };

        Assert.True(DigestCredentials.TryParse(credentials.ToString(), out var parsed, out _));

        Assert.Equal("a\"b\\c", parsed.Username);
        Assert.Null(parsed.Qop);
        Assert.Null(parsed.NonceCount);
    }

    internal static string ResponseFor(DigestCredentials credentials, string password, string method)
    {
        var algorithm = credentials.Algorithm;
        Span<char> ha1 = stackalloc char[64];
        DigestComputation.WriteHa1(algorithm, credentials.Username, credentials.Realm, password, ha1);
        Span<char> response = stackalloc char[64];
        DigestComputation.WriteResponse(
            algorithm,
            ha1[..algorithm.HexLength],
            credentials.Nonce,
            credentials.NonceCountValue,
            credentials.ClientNonce,
            credentials.Qop,
            method,
            credentials.Uri,
            default,
            response);
        return new string(response[..algorithm.HexLength]);
    }
}
