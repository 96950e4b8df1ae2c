using System.Text;
using CallMyWay.Voice.Telephony.Sip.Auth;

namespace CallMyWay.Voice.Telephony.Tests.Sip.Auth;

public sealed class DigestAlgorithmTests
{
    [Theory]
    [InlineData("MD5", "MD5")]
    [InlineData("md5", "MD5")]
    [InlineData("MD5-sess", "MD5-sess")]
    [InlineData("md5-SESS", "MD5-sess")]
    [InlineData("SHA-256", "SHA-256")]
    [InlineData("sha-256", "SHA-256")]
    [InlineData("SHA-256-sess", "SHA-256-sess")]
    [InlineData("SHA-512-256", "SHA-512-256")]
    [InlineData("sha-512-256-SESS", "SHA-512-256-sess")]
    public void Names_parse_ignoring_case(string text, string expectedName)
    {
        Assert.True(DigestAlgorithm.TryParse(text, out var algorithm));
        Assert.Equal(expectedName, algorithm.Name);
        Assert.Same(algorithm, DigestAlgorithm.All.Single(a => a.Name == expectedName));
    }

    [Theory]
    [InlineData("")]
    [InlineData("SHA-1")]
    [InlineData("SHA256")]
    [InlineData("MD5 ")]
    [InlineData("AKAv1-MD5")]
    [InlineData("SHA-512")]
    public void Unknown_names_do_not_parse(string text)
    {
        Assert.False(DigestAlgorithm.TryParse(text, out var algorithm));
        Assert.Null(algorithm);
    }

    [Fact]
    public void Session_variants_are_flagged_and_hash_like_their_base()
    {
        Assert.False(DigestAlgorithm.Sha256.IsSession);
        Assert.True(DigestAlgorithm.Sha256Session.IsSession);
        Assert.Equal(DigestAlgorithm.Md5.Hash("x"), DigestAlgorithm.Md5Session.Hash("x"));
        Assert.Equal(32, DigestAlgorithm.Md5.HexLength);
        Assert.Equal(64, DigestAlgorithm.Sha256.HexLength);
        Assert.Equal(64, DigestAlgorithm.Sha512Truncated256.HexLength);
    }

    [Theory]
    [InlineData("MD5", "", "d41d8cd98f00b204e9800998ecf8427e")]
    [InlineData("MD5", "abc", "900150983cd24fb0d6963f7d28e17f72")]
    [InlineData("SHA-256", "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    // FIPS 180-4 examples (NIST CSRC "SHA-512/256" example values).
    [InlineData("SHA-512-256", "abc", "53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23")]
    [InlineData("SHA-512-256", "", "c672b8d1ef56ed28ab87c3622c5114069bdd3ad7b8f9737498d0c01ecef0967a")]
    public void Hashes_are_lowercase_hex_of_known_vectors(string name, string input, string expected)
    {
        Assert.True(DigestAlgorithm.TryParse(name, out var algorithm));
        Assert.Equal(expected, algorithm.Hash(input));
    }

    // Lengths around SHA-512's 128-byte block and its 112-byte padding limit, where a padding bug would show.
    // Expected values from an independent implementation (OpenSSL's SHA-512/256).
    [Theory]
    [InlineData(3, "3ebca6ae309ae6ee4154c7500c1773319fad8db1beeabcfb0f33b9544db51069")]
    [InlineData(55, "8c12c6a555202a2f24eae9d29d5901bf14d8355b08fdd880b962813c30e2e50e")]
    [InlineData(111, "32889a63b00e93a91df09b4292875c8e9ea2d30e482b2f5ab713396275e9378b")]
    [InlineData(112, "468a00c6f938065156bfddf56b22592f569052587264673bc893e92cd1953953")]
    [InlineData(113, "0a4f8ecb061610ba8fa2bf8ad1e8928dd76c18d1bfde92d2a9ce469e4d5cc973")]
    [InlineData(127, "b7c1bcb3d1d523364187e023ee03210674ee05a8fd54d40aad07ecf6bdfe4c8c")]
    [InlineData(128, "5e14bd0208397b56f5f1b3afb8e48bfcce3c7312684a46bbe9b210503680e547")]
    [InlineData(129, "6c92b5cdba34ee8137d902ba15d4f6246bb2a07c0fef5a0fa536bc8d8db0390f")]
    [InlineData(200, "9424636bd8e57afb833ecec1cc5320a040fdb05856a7c240098b1f6d899b3c99")]
    [InlineData(1000, "14271b3d36ca983ae2da2693d995fe68412c0bd5394ec2f05b763586db6e24fd")]
    public void Sha512_256_matches_reference_across_block_boundaries(int length, string expected)
    {
        var data = new byte[length];
        for (var i = 0; i < length; i++)
        {
            data[i] = (byte)((i * 7) + 3);
        }

        Assert.Equal(expected, DigestAlgorithm.Sha512Truncated256.Hash(data));
    }

    [Fact]
    public void Ha1_of_the_RFC_2617_example_user()
    {
        Assert.Equal(
            "939e7578ed9e3c518a452acee763bce9",
            DigestAlgorithm.Md5.ComputeHa1("Mufasa", "testrealm@host.com", "Circle Of Life"));
        Assert.Equal(
            "7987c64c30e25f1b74be53f966b49b90f2808aa92faf9a00262392d7b4794232",
            DigestAlgorithm.Sha256.ComputeHa1("Mufasa", "http-auth@example.org", "Circle of Life"));
    }

    [Fact]
    public void Text_is_hashed_as_utf8()
    {
        var text = "J\u00e4s\u00f8n Doe:api@example.org";
        Assert.Equal(DigestAlgorithm.Sha256.Hash(Encoding.UTF8.GetBytes(text)), DigestAlgorithm.Sha256.Hash(text));
        Assert.Equal(
            "793263caabb707a56211940d90411ea4a575adeccb7e360aeb624ed06ece9b0b",
            DigestAlgorithm.Sha512Truncated256.Hash(text));
    }
}
