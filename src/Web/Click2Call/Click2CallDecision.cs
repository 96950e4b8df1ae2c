namespace CallMyWay.Voice.Web.Click2Call;

/// <summary>What the desk decided about one callback request (the audit trail keeps one per request).</summary>
public enum Click2CallDecision
{
    /// <summary>The number passed validation (an intermediate result of <see cref="DestinationPolicy"/>, never audited).</summary>
    Accepted,

    /// <summary>Dialled now.</summary>
    Dialing,

    /// <summary>Scheduled for the next opening.</summary>
    Scheduled,

    /// <summary>The number already had a pending callback; its id was returned.</summary>
    Coalesced,

    /// <summary>Not a phone number (400).</summary>
    InvalidNumber,

    /// <summary>A type the desk does not call: premium rate, shared cost, VoIP, pager, ... (400).</summary>
    TypeRefused,

    /// <summary>A country without a desk number (403).</summary>
    CountryNotServed,

    /// <summary>Too many requests from the client IP (429).</summary>
    TooManyFromClient,

    /// <summary>Too many callbacks to the number (429).</summary>
    TooManyForNumber,

    /// <summary>Too many callback calls up at once (429).</summary>
    TooManyCalls,

    /// <summary>The visitor cancelled a scheduled callback.</summary>
    Cancelled,
}
