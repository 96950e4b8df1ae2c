namespace CallMyWay.Voice.Web.WhatsApp;

/// <summary>The outcome of one send: the wamid of an accepted message, or why it was not accepted and whether to try again.</summary>
/// <remarks>
/// Accepted is not delivered: Cloud API may still fail the message later (131047, 131026, ...) and says so in a
/// <see cref="WhatsAppStatusUpdate"/> with the same wamid.
/// </remarks>
public sealed record WhatsAppSendResult
{
    public bool Succeeded { get; private init; }

    /// <summary>The wamid of the accepted message; status webhooks carry it.</summary>
    public string? MessageId { get; private init; }

    /// <summary>The recipient's WhatsApp ID as Meta resolved the <c>to</c> number.</summary>
    public string? WaId { get; private init; }

    /// <summary>The HTTP status of the Graph API answer; null when the request was refused here or never answered.</summary>
    public int? HttpStatus { get; private init; }

    /// <summary>Graph <c>error.code</c>, e.g. 131047; see <see cref="WhatsAppErrorCodes"/>.</summary>
    public int? ErrorCode { get; private init; }

    /// <summary>Graph <c>error.error_subcode</c>, no longer sent from v16.0 on but kept when present.</summary>
    public int? ErrorSubcode { get; private init; }

    /// <summary>Graph <c>error.message</c> ("(#131047) Re-engagement message"), or why the send was refused or not answered.</summary>
    public string? ErrorMessage { get; private init; }

    /// <summary>Graph <c>error.error_data.details</c>: what Meta recommends handling on.</summary>
    public string? ErrorDetails { get; private init; }

    /// <summary>Graph <c>error.fbtrace_id</c>, for Meta support.</summary>
    public string? TraceId { get; private init; }

    /// <summary>The customer-service window is closed (131047): only an approved template can reach the customer now.</summary>
    public bool OutsideCustomerServiceWindow => ErrorCode == WhatsAppErrorCodes.ReEngagementMessage;

    /// <summary>Sending the same message again later may work: throttling (130429, ...), a 429 or 5xx answer, a network failure or a timeout.</summary>
    public bool Retryable { get; private init; }

    public static WhatsAppSendResult Sent(string messageId, string? waId, int httpStatus) =>
        new() { Succeeded = true, MessageId = messageId, WaId = waId, HttpStatus = httpStatus };

    /// <summary>Not sent because the request could never succeed as asked (too long, not configured, unknown template).</summary>
    public static WhatsAppSendResult Refused(string reason) => new() { ErrorMessage = reason };

    /// <summary>No answer from the Graph API (connection failure, timeout): safe to retry, but the message might have gone out.</summary>
    public static WhatsAppSendResult Unanswered(string reason) => new() { ErrorMessage = reason, Retryable = true };

    public static WhatsAppSendResult Failed(int httpStatus, int? code, int? subcode, string? message, string? details, string? traceId) => new()
    {
        HttpStatus = httpStatus,
        ErrorCode = code,
        ErrorSubcode = subcode,
        ErrorMessage = message,
        ErrorDetails = details,
        TraceId = traceId,
        Retryable = httpStatus is 429 or >= 500 || (code is { } c && WhatsAppErrorCodes.IsTransient(c)),
    };
}
