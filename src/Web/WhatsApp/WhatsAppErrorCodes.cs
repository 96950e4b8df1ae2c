namespace CallMyWay.Voice.Web.WhatsApp;

/// <summary>The Cloud API error codes this desk acts on (Cloud API "Error codes"; Graph API "Handling errors").</summary>
public static class WhatsAppErrorCodes
{
    /// <summary>API Service: temporary downtime or overload.</summary>
    public const int ApiService = 2;

    /// <summary>API Too Many Calls: the app's call rate limit.</summary>
    public const int ApiTooManyCalls = 4;

    /// <summary>Access token has expired or was invalidated.</summary>
    public const int AccessTokenExpired = 190;

    /// <summary>Rate limit issues: the WhatsApp Business Account's rate limit.</summary>
    public const int RateLimitIssues = 80007;

    /// <summary>Rate limit hit: Cloud API message throughput reached.</summary>
    public const int RateLimitHit = 130429;

    /// <summary>Something went wrong: unknown error, try again.</summary>
    public const int SomethingWentWrong = 131000;

    /// <summary>Service unavailable.</summary>
    public const int ServiceUnavailable = 131016;

    /// <summary>Message undeliverable: not a WhatsApp number, blocked us, or has not accepted the terms.</summary>
    public const int Undeliverable = 131026;

    /// <summary>Re-engagement message: more than 24 hours since the customer last replied; only a template may be sent.</summary>
    public const int ReEngagementMessage = 131047;

    /// <summary>Message type unknown: the customer sent something Cloud API does not support.</summary>
    public const int UnsupportedMessageType = 131051;

    /// <summary>(Business Account, Consumer Account) pair rate limit hit: too many messages to one customer too fast.</summary>
    public const int PairRateLimitHit = 131056;

    /// <summary>Template name does not exist in the translation (not approved in that language).</summary>
    public const int TemplateDoesNotExist = 132001;

    /// <summary>Codes Meta documents as temporary (throttling, downtime): the same send may succeed later.</summary>
    public static bool IsTransient(int code) => code is ApiService or ApiTooManyCalls or RateLimitIssues or RateLimitHit
        or SomethingWentWrong or ServiceUnavailable or PairRateLimitHit;
}
