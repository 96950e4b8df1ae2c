using System.Text;
using CallMyWay.Voice.Web.WhatsApp;

namespace CallMyWay.Voice.Web.Tests.WhatsApp;

public sealed class WebhookSignatureTests
{
    // HMAC-SHA256 test vector: key "key", message "The quick brown fox jumps over the lazy dog".
    private static readonly byte[] Fox = Encoding.ASCII.GetBytes("The quick brown fox jumps over the lazy dog");
    private const string FoxSignature = "sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8";

    [Fact]
    public void Signature_of_the_raw_body_with_the_app_secret_is_valid()
    {
        Assert.Equal(WebhookSignatureCheck.Valid, WebhookSignature.Check(FoxSignature, Fox, "key"));
    }

    [Fact]
    public void Compute_gives_sha256_prefix_and_lowercase_hex()
    {
        Assert.Equal(FoxSignature, WebhookSignature.Compute(Fox, "key"));
    }

    [Fact]
    public void Signature_of_a_real_payload_file_round_trips()
    {
        var body = WebhookPayloads.Load("text.json");
        Assert.Equal(WebhookSignatureCheck.Valid, WebhookSignature.Check(WebhookPayloads.Sign(body), body, WebhookPayloads.AppSecret));
    }

    [Fact]
    public void Tampered_body_is_a_mismatch()
    {
        var tampered = (byte[])Fox.Clone();
        tampered[^1] = (byte)'G';
        Assert.Equal(WebhookSignatureCheck.Mismatch, WebhookSignature.Check(FoxSignature, tampered, "key"));
    }

    [Fact]
    public void Body_with_an_extra_trailing_newline_is_a_mismatch()
    {
        Assert.Equal(WebhookSignatureCheck.Mismatch, WebhookSignature.Check(FoxSignature, [.. Fox, (byte)'\n'], "key"));
    }

    [Fact]
    public void Another_apps_secret_is_a_mismatch()
    {
        Assert.Equal(WebhookSignatureCheck.Mismatch, WebhookSignature.Check(FoxSignature, Fox, "another-app-secret"));
    }

    [Fact]
    public void Empty_app_secret_never_validates_even_a_matching_hmac()
    {
        var signedWithEmptyKey = WebhookSignature.Compute(Fox, "");
        Assert.Equal(WebhookSignatureCheck.Mismatch, WebhookSignature.Check(signedWithEmptyKey, Fox, ""));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Missing_header_is_missing(string? header)
    {
        Assert.Equal(WebhookSignatureCheck.Missing, WebhookSignature.Check(header, Fox, "key"));
    }

    [Theory]
    [InlineData("sha1=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8")]
    [InlineData("SHA256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8")]
    [InlineData("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8")]
    [InlineData("sha256 f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8")]
    [InlineData("sha256=")]
    [InlineData("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd")]
    [InlineData("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd80")]
    [InlineData("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cdz")]
    [InlineData("sha256= f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8")]
    public void Header_not_shaped_like_metas_is_malformed(string header)
    {
        Assert.Equal(WebhookSignatureCheck.Malformed, WebhookSignature.Check(header, Fox, "key"));
    }

    [Fact]
    public void Uppercase_hex_is_malformed_because_meta_sends_lowercase()
    {
        Assert.Equal(WebhookSignatureCheck.Malformed, WebhookSignature.Check("sha256=" + FoxSignature["sha256=".Length..].ToUpperInvariant(), Fox, "key"));
    }
}
