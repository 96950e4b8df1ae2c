using CallMyWay.Voice.Telephony.Sip.Messages;
using CallMyWay.Voice.Telephony.Sip.Transport;

namespace CallMyWay.Voice.Telephony.Sip.Registrar;

/// <summary>
/// One registered contact of an extension (RFC 3261 §10.3): where the phone asked to be reached, where its REGISTER
/// really came from, and until when.
/// </summary>
public sealed record ContactBinding
{
    /// <summary>The extension (the address-of-record's user) the contact is bound to.</summary>
    public required string Extension { get; init; }

    /// <summary>The Contact value as registered, without its <c>expires</c> parameter; other parameters (q,
    /// +sip.instance, ...) are kept.</summary>
    public required NameAddress Contact { get; init; }

    /// <summary>The contact URI: the Request-URI of an INVITE to this phone.</summary>
    public required SipUri Uri { get; init; }

    /// <summary>The <c>q</c> preference the phone gave, or null.</summary>
    public double? Q { get; init; }

    /// <summary>When the binding lapses unless refreshed.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>The Call-ID of the REGISTER that last wrote the binding (RFC 3261 §10.3 step 7).</summary>
    public required string CallId { get; init; }

    /// <summary>The CSeq number of the REGISTER that last wrote the binding.</summary>
    public required uint CSeq { get; init; }

    /// <summary>
    /// Where that REGISTER really came from (the packet source, and over TCP its connection). A phone behind NAT
    /// writes a private address into its Contact, so requests to it go here, not to the Contact's host (the
    /// symmetric routing of RFC 5626 §5.3 without its flow tokens).
    /// </summary>
    public required SipEndPoint ReceivedFrom { get; init; }

    /// <summary>Our end point the REGISTER arrived on, to send from when it matters to the phone's NAT.</summary>
    public required SipEndPoint LocalEndPoint { get; init; }

    /// <summary>The phone's User-Agent header, if it sent one.</summary>
    public string? UserAgent { get; init; }

    /// <summary>When this contact was first bound.</summary>
    public required DateTimeOffset RegisteredAt { get; init; }

    /// <summary>When the binding was last written (registered or refreshed).</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Whether the binding is still in force at <paramref name="now"/>.</summary>
    public bool IsLiveAt(DateTimeOffset now) => ExpiresAt > now;

    /// <summary>The seconds left at <paramref name="now"/>, rounded up so that a live binding never shows 0 (which
    /// would read as removed); 0 once expired.</summary>
    public int SecondsLeftAt(DateTimeOffset now)
    {
        var left = ExpiresAt - now;
        return left <= TimeSpan.Zero ? 0 : (int)Math.Ceiling(left.TotalSeconds);
    }
}
