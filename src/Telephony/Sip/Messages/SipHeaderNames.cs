using System.Collections.Frozen;
using System.Text;

namespace CallMyWay.Voice.Telephony.Sip.Messages;

/// <summary>Canonical header names, the compact forms they expand from, and which headers are comma lists.</summary>
public static class SipHeaderNames
{
    /// <summary>Accept.</summary>
    public const string Accept = "Accept";

    /// <summary>Allow.</summary>
    public const string Allow = "Allow";

    /// <summary>Allow-Events (compact u).</summary>
    public const string AllowEvents = "Allow-Events";

    /// <summary>Authorization.</summary>
    public const string Authorization = "Authorization";

    /// <summary>Call-ID (compact i).</summary>
    public const string CallId = "Call-ID";

    /// <summary>Contact (compact m).</summary>
    public const string Contact = "Contact";

    /// <summary>Content-Encoding (compact e).</summary>
    public const string ContentEncoding = "Content-Encoding";

    /// <summary>Content-Length (compact l).</summary>
    public const string ContentLength = "Content-Length";

    /// <summary>Content-Type (compact c).</summary>
    public const string ContentType = "Content-Type";

    /// <summary>CSeq.</summary>
    public const string CSeq = "CSeq";

    /// <summary>Date.</summary>
    public const string Date = "Date";

    /// <summary>Event (compact o).</summary>
    public const string Event = "Event";

    /// <summary>Expires.</summary>
    public const string Expires = "Expires";

    /// <summary>From (compact f).</summary>
    public const string From = "From";

    /// <summary>Max-Forwards.</summary>
    public const string MaxForwards = "Max-Forwards";

    /// <summary>Proxy-Authenticate.</summary>
    public const string ProxyAuthenticate = "Proxy-Authenticate";

    /// <summary>Proxy-Authorization.</summary>
    public const string ProxyAuthorization = "Proxy-Authorization";

    /// <summary>Record-Route.</summary>
    public const string RecordRoute = "Record-Route";

    /// <summary>Refer-To (compact r).</summary>
    public const string ReferTo = "Refer-To";

    /// <summary>Require.</summary>
    public const string Require = "Require";

    /// <summary>Route.</summary>
    public const string Route = "Route";

    /// <summary>Server.</summary>
    public const string Server = "Server";

    /// <summary>Session-Expires (compact x).</summary>
    public const string SessionExpires = "Session-Expires";

    /// <summary>Subject (compact s).</summary>
    public const string Subject = "Subject";

    /// <summary>Supported (compact k).</summary>
    public const string Supported = "Supported";

    /// <summary>Timestamp.</summary>
    public const string Timestamp = "Timestamp";

    /// <summary>To (compact t).</summary>
    public const string To = "To";

    /// <summary>Unsupported.</summary>
    public const string Unsupported = "Unsupported";

    /// <summary>User-Agent.</summary>
    public const string UserAgent = "User-Agent";

    /// <summary>Via (compact v).</summary>
    public const string Via = "Via";

    /// <summary>WWW-Authenticate.</summary>
    public const string WwwAuthenticate = "WWW-Authenticate";

    // RFC 3261 §7.3.3 and §20, RFC 3265/6665, 3515, 3841, 3892, 4028, 8224.
    private static readonly FrozenDictionary<string, string> Canonical = BuildCanonical();

    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> CanonicalBySpan =
        Canonical.GetAlternateLookup<ReadOnlySpan<char>>();

    // Headers whose grammar is a comma-separated list. Everything else, including unknown headers and
    // the ones whose values hold commas (Date, WWW-Authenticate, Authorization, Proxy-Authenticate,
    // Proxy-Authorization, ...), is one value per header line (RFC 3261 §7.3.1, RFC 4475 §3.1.1.1).
    private static readonly FrozenSet<string> ListHeaders = new[]
    {
        "Accept", "Accept-Contact", "Accept-Encoding", "Accept-Language", "Alert-Info", "Allow", "Allow-Events",
        "Call-Info", "Contact", "Content-Encoding", "Content-Language", "Error-Info", "History-Info", "In-Reply-To",
        "P-Asserted-Identity", "P-Preferred-Identity", "Path", "Proxy-Require", "Reason", "Record-Route",
        "Reject-Contact", "Request-Disposition", "Require", "Route", "Security-Client", "Security-Server",
        "Security-Verify", "Service-Route", "Supported", "Unsupported", "Via", "Warning",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static FrozenDictionary<string, string> BuildCanonical()
    {
        string[] names =
        [
            "Accept", "Accept-Contact", "Accept-Encoding", "Accept-Language", "Alert-Info", "Allow", "Allow-Events",
            "Authentication-Info", "Authorization", "Call-ID", "Call-Info", "Contact", "Content-Disposition",
            "Content-Encoding", "Content-Language", "Content-Length", "Content-Type", "CSeq", "Date", "Diversion",
            "Error-Info", "Event", "Expires", "From", "History-Info", "Identity", "In-Reply-To", "Max-Forwards",
            "Min-Expires", "Min-SE", "MIME-Version", "Organization", "P-Asserted-Identity", "P-Preferred-Identity",
            "Path", "Priority", "Privacy", "Proxy-Authenticate", "Proxy-Authorization", "Proxy-Require", "RAck",
            "Reason", "Record-Route", "Refer-To", "Referred-By", "Reject-Contact", "Replaces", "Reply-To",
            "Request-Disposition", "Require", "Retry-After", "Route", "RSeq", "Security-Client", "Security-Server",
            "Security-Verify", "Server", "Service-Route", "Session-Expires", "Subject", "Subscription-State",
            "Supported", "Timestamp", "To", "Unsupported", "User-Agent", "Via", "Warning", "WWW-Authenticate",
        ];

        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names)
        {
            map[name] = name;
        }

        // RFC 3261 §7.3.3 compact forms, plus the ones later RFCs registered.
        map["i"] = CallId;
        map["m"] = Contact;
        map["e"] = ContentEncoding;
        map["l"] = ContentLength;
        map["c"] = ContentType;
        map["f"] = From;
        map["s"] = Subject;
        map["k"] = Supported;
        map["t"] = To;
        map["v"] = Via;
        map["o"] = Event;
        map["r"] = ReferTo;
        map["x"] = SessionExpires;
        map["u"] = AllowEvents;
        map["a"] = "Accept-Contact";
        map["j"] = "Reject-Contact";
        map["d"] = "Request-Disposition";
        map["b"] = "Referred-By";
        map["y"] = "Identity";
        return map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Expands a compact form and gives a known name its canonical case; other names come back as given.</summary>
    public static string Canonicalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Canonical.TryGetValue(name, out var canonical) ? canonical : name;
    }

    /// <summary>Canonicalizes a header name read off the wire, allocating only for unknown names.</summary>
    internal static string Canonicalize(ReadOnlySpan<byte> name)
    {
        if (name.Length <= 64)
        {
            Span<char> chars = stackalloc char[name.Length];
            for (var i = 0; i < name.Length; i++)
            {
                chars[i] = (char)name[i];
            }

            if (CanonicalBySpan.TryGetValue(chars, out var canonical))
            {
                return canonical;
            }
        }

        return Encoding.ASCII.GetString(name);
    }

    /// <summary>Whether the header's values form a comma-separated list that may be split.</summary>
    public static bool IsList(string name) => ListHeaders.Contains(name);
}
