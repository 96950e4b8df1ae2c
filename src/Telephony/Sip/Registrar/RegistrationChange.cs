using CallMyWay.Voice.Telephony.Sip.Transport;

namespace CallMyWay.Voice.Telephony.Sip.Registrar;

/// <summary>What one authenticated REGISTER asks of an extension's bindings (RFC 3261 §10.3 steps 6 and 7).</summary>
internal sealed record RegistrationChange
{
    /// <summary>The request's Call-ID.</summary>
    public required string CallId { get; init; }

    /// <summary>The request's CSeq number.</summary>
    public required uint CSeq { get; init; }

    /// <summary>Where the request came from.</summary>
    public required SipEndPoint ReceivedFrom { get; init; }

    /// <summary>Our end point it arrived on.</summary>
    public required SipEndPoint LocalEndPoint { get; init; }

    /// <summary>The User-Agent header, if any.</summary>
    public string? UserAgent { get; init; }

    /// <summary>The time the change is made at; expiry instants count from it.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>True for <c>Contact: *</c> with <c>Expires: 0</c>: remove every binding.</summary>
    public bool RemoveAll { get; init; }

    /// <summary>The contacts to add, refresh or remove, in request order.</summary>
    public IReadOnlyList<ContactUpdate> Contacts { get; init; } = [];

    /// <summary>How many bindings the extension may hold afterwards.</summary>
    public required int MaxContacts { get; init; }
}
