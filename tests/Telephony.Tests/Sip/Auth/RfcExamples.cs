namespace CallMyWay.Voice.Telephony.Tests.Sip.Auth;

/// <summary>The worked examples of RFC 2617 §3.5 and RFC 7616 §3.9.1, byte for byte.</summary>
internal static class RfcExamples
{
    public const string Rfc2617Challenge =
        "Digest realm=\"testrealm@host.com\", qop=\"auth,auth-int\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", "
        + "opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"";

    public const string Rfc2617Authorization =
        "Digest username=\"Mufasa\",\r\n"
        + "                 realm=\"testrealm@host.com\",\r\n"
        + "                 nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\",\r\n"
        + "                 uri=\"/dir/index.html\",\r\n"
        + "                 qop=auth,\r\n"
        + "                 nc=00000001,\r\n"
        + "                 cnonce=\"0a4f113b\",\r\n"
        + "                 response=\"6629fae49393a05397450978507c4ef1\",\r\n"
        + "                 opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"";

    public const string Rfc2617Password = "Circle Of Life";
    public const string Rfc2617Response = "6629fae49393a05397450978507c4ef1";

    // RFC 7616 §3.9.1: two WWW-Authenticate headers, as folded in the RFC.
    public const string Rfc7616Sha256Challenge =
        "Digest\r\n"
        + "    realm=\"http-auth@example.org\",\r\n"
        + "    qop=\"auth, auth-int\",\r\n"
        + "    algorithm=SHA-256,\r\n"
        + "    nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\",\r\n"
        + "    opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"";

    public const string Rfc7616Md5Challenge =
        "Digest\r\n"
        + "    realm=\"http-auth@example.org\",\r\n"
        + "    qop=\"auth, auth-int\",\r\n"
        + "    algorithm=MD5,\r\n"
        + "    nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\",\r\n"
        + "    opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"";

    public const string Rfc7616Sha256Authorization =
        "Digest username=\"Mufasa\",\r\n"
        + "    realm=\"http-auth@example.org\",\r\n"
        + "    uri=\"/dir/index.html\",\r\n"
        + "    algorithm=SHA-256,\r\n"
        + "    nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\",\r\n"
        + "    nc=00000001,\r\n"
        + "    cnonce=\"f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ\",\r\n"
        + "    qop=auth,\r\n"
        + "    response=\"753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1\",\r\n"
        + "    opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"";

    // Errata 4495: "of" is lowercase here, unlike RFC 2617's password.
    public const string Rfc7616Password = "Circle of Life";
    public const string Rfc7616ClientNonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";
    public const string Rfc7616Sha256Response = "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1";
    public const string Rfc7616Md5Response = "8ca523f5e9506fed4657c9700eebdbec";
}
