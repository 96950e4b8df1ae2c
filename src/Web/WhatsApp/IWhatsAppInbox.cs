namespace CallMyWay.Voice.Web.WhatsApp;

/// <summary>Where the webhook hands what a signed notification carried: the conversations area implements it.</summary>
/// <remarks>
/// <para>
/// Idempotency is the inbox's job. Meta delivers webhooks at least once: it retries any notification not answered
/// 200 (with back-off, for up to 7 days), so the same wamid can arrive again, also in a later batch and after a restart.
/// Deduplicate inbound messages on <see cref="InboundWhatsAppMessage.MessageId"/> (<c>ChatMessage.ExternalId</c>) and
/// apply status updates so they never go backwards (a late "delivered" after "read").
/// </para>
/// <para>
/// Answer quickly: Meta expects the 200 within seconds and treats a slow answer as a failure. Store and return;
/// downloading media or notifying agents belongs after the answer. Throwing makes the webhook answer 500, so Meta
/// delivers the notification again — the right outcome when nothing could be stored.
/// </para>
/// </remarks>
public interface IWhatsAppInbox
{
    /// <summary>Called once per notification with at least one message or status, both lists in payload order.</summary>
    Task AcceptAsync(IReadOnlyList<InboundWhatsAppMessage> messages, IReadOnlyList<WhatsAppStatusUpdate> statuses, CancellationToken ct);
}
