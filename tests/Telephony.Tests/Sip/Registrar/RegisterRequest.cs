using System.Globalization;
using System.Text;

namespace CallMyWay.Voice.Telephony.Tests.Sip.Registrar;

/// <summary>A REGISTER as a phone at 192.0.2.10 would send it to our 10.0.0.1, written out with CRLF line ends.</summary>
internal sealed record RegisterRequest
{
    public const string RequestUri = "sip:10.0.0.1";

    /// <summary>The To user: the extension whose bindings are changed.</summary>
    public string Extension { get; init; } = "201";

    public string Branch { get; init; } = "z9hG4bK-reg-1";

    public string CallId { get; init; } = "reg-201@192.0.2.10";

    public uint CSeq { get; init; } = 1;

    /// <summary>One Contact header line per value; none for a query.</summary>
    public IReadOnlyList<string> Contacts { get; init; } = ["<sip:201@192.0.2.10:5060>"];

    /// <summary>The Expires header value, or null for none.</summary>
    public string? Expires { get; init; }

    /// <summary>The Authorization header value, or null for none.</summary>
    public string? Authorization { get; init; }

    public string? ExtraHeaders { get; init; }

    public override string ToString()
    {
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"REGISTER {RequestUri} SIP/2.0\r\n")
            .Append(CultureInfo.InvariantCulture, $"Via: SIP/2.0/UDP 192.0.2.10:5060;branch={Branch};rport\r\n")
            .Append("Max-Forwards: 70\r\n")
            .Append(CultureInfo.InvariantCulture, $"From: <sip:{Extension}@10.0.0.1>;tag=phone-tag\r\n")
            .Append(CultureInfo.InvariantCulture, $"To: <sip:{Extension}@10.0.0.1>\r\n")
            .Append(CultureInfo.InvariantCulture, $"Call-ID: {CallId}\r\n")
            .Append(CultureInfo.InvariantCulture, $"CSeq: {CSeq} REGISTER\r\n");
        foreach (var contact in Contacts)
        {
            text.Append(CultureInfo.InvariantCulture, $"Contact: {contact}\r\n");
        }

        if (Expires is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"Expires: {Expires}\r\n");
        }

        if (Authorization is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"Authorization: {Authorization}\r\n");
        }

        return text
            .Append("User-Agent: TestPhone/1.0\r\n")
            .Append(ExtraHeaders ?? string.Empty)
            .Append("Content-Length: 0\r\n\r\n")
            .ToString();
    }
}
