namespace CallMyWay.Voice.Web.WhatsApp;

/// <summary>What <see cref="WebhookPayloadReader"/> found in a notification body, or why the body is not one.</summary>
public sealed class WebhookReadResult
{
    private WebhookReadResult(string? error, IReadOnlyList<InboundWhatsAppMessage> messages, IReadOnlyList<WhatsAppStatusUpdate> statuses, IReadOnlyList<WhatsAppError> errors)
    {
        Error = error;
        Messages = messages;
        Statuses = statuses;
        Errors = errors;
    }

    public bool IsValid => Error is null;

    /// <summary>Why the body is not a WhatsApp Business Account notification; null when it is one.</summary>
    public string? Error { get; }

    public IReadOnlyList<InboundWhatsAppMessage> Messages { get; }

    public IReadOnlyList<WhatsAppStatusUpdate> Statuses { get; }

    /// <summary>Errors Meta reports for the number rather than for a message (<c>value.errors</c>, e.g. 130429 on an earlier send).</summary>
    public IReadOnlyList<WhatsAppError> Errors { get; }

    public static WebhookReadResult Read(IReadOnlyList<InboundWhatsAppMessage> messages, IReadOnlyList<WhatsAppStatusUpdate> statuses, IReadOnlyList<WhatsAppError> errors) =>
        new(null, messages, statuses, errors);

    public static WebhookReadResult Invalid(string error) => new(error, [], [], []);
}
