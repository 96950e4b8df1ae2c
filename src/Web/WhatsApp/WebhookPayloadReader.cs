using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace CallMyWay.Voice.Web.WhatsApp;

/// <summary>
/// Reads a WhatsApp Business Account webhook notification (<c>object</c>, <c>entry[].changes[].value</c>) into inbound
/// messages and status updates, following Meta's "messages" webhook reference.
/// </summary>
/// <remarks>
/// The body is walked as a <see cref="JsonDocument"/> rather than bound to classes: Meta adds fields and message types
/// without notice and is loose about number-versus-string (timestamps, codes), so an unexpected shape degrades to a
/// described message instead of a <see cref="JsonException"/>. Only a body that is not a JSON object of
/// <c>whatsapp_business_account</c> is refused.
/// </remarks>
public static class WebhookPayloadReader
{
    public const string BusinessAccountObject = "whatsapp_business_account";

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    /// <param name="receivedAt">Stands in for a missing or unreadable timestamp.</param>
    public static WebhookReadResult Read(ReadOnlyMemory<byte> body, DateTimeOffset receivedAt)
    {
        // JsonDocument checks the structure, not the bytes inside strings: GetString would throw on them later.
        if (!Utf8.IsValid(body.Span))
        {
            return WebhookReadResult.Invalid("The body is not valid UTF-8 JSON.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException e)
        {
            return WebhookReadResult.Invalid($"The body is not valid JSON ({e.Message}).");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return WebhookReadResult.Invalid("The body is not a JSON object.");
            }

            var kind = Text(root, "object");
            if (!string.Equals(kind, BusinessAccountObject, StringComparison.Ordinal))
            {
                return WebhookReadResult.Invalid(kind is null
                    ? $"The body has no \"object\"; a WhatsApp notification has \"{BusinessAccountObject}\"."
                    : $"The notification is for \"{kind}\", not \"{BusinessAccountObject}\".");
            }

            var messages = new List<InboundWhatsAppMessage>();
            var statuses = new List<WhatsAppStatusUpdate>();
            var errors = new List<WhatsAppError>();
            foreach (var entry in Items(root, "entry"))
            {
                foreach (var change in Items(entry, "changes"))
                {
                    // Other fields (message_template_status_update, account_update, ...) share the object but are not conversations.
                    var field = Text(change, "field");
                    if ((field is null || field == "messages") && Child(change, "value") is { ValueKind: JsonValueKind.Object } value)
                    {
                        ReadValue(value, receivedAt, messages, statuses, errors);
                    }
                }
            }

            return WebhookReadResult.Read(messages, statuses, errors);
        }
    }

    private static void ReadValue(JsonElement value, DateTimeOffset receivedAt, List<InboundWhatsAppMessage> messages, List<WhatsAppStatusUpdate> statuses, List<WhatsAppError> errors)
    {
        var metadata = Child(value, "metadata");
        var phoneNumberId = Text(metadata, "phone_number_id") ?? "";
        var displayNumber = Text(metadata, "display_phone_number") ?? "";

        var names = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var contact in Items(value, "contacts"))
        {
            if (Text(contact, "wa_id") is { Length: > 0 } waId)
            {
                names[waId] = Text(Child(contact, "profile"), "name");
            }
        }

        foreach (var message in Items(value, "messages"))
        {
            var id = Text(message, "id");
            var from = Text(message, "from");
            if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(from))
            {
                // Without an id there is nothing to deduplicate on, without a sender no one to answer.
                continue;
            }

            var type = Text(message, "type") ?? "unknown";
            var (text, media, reactedTo) = Describe(type, message);
            var profileName = names.TryGetValue(from, out var name) ? name : names.Count == 1 ? names.Values.First() : null;
            messages.Add(new InboundWhatsAppMessage(
                id,
                from,
                profileName,
                Timestamp(message) ?? receivedAt,
                type,
                text,
                media,
                reactedTo ?? Text(Child(message, "context"), "id"),
                phoneNumberId,
                displayNumber));
        }

        foreach (var status in Items(value, "statuses"))
        {
            if (Text(status, "id") is not { Length: > 0 } id)
            {
                continue;
            }

            statuses.Add(new WhatsAppStatusUpdate(
                id,
                StatusOf(Text(status, "status")),
                Timestamp(status) ?? receivedAt,
                Text(status, "recipient_id") ?? "",
                FirstError(status)));
        }

        foreach (var error in Items(value, "errors"))
        {
            errors.Add(ErrorOf(error));
        }
    }

    private static (string Text, WhatsAppMedia? Media, string? ReactedTo) Describe(string type, JsonElement message)
    {
        var content = Child(message, type);
        switch (type)
        {
            case "text":
                return (Text(content, "body") ?? "", null, null);
            case "image" or "video" or "audio" or "sticker" or "document":
                var media = Text(content, "id") is { Length: > 0 } mediaId
                    ? new WhatsAppMedia(mediaId, Text(content, "mime_type") ?? "application/octet-stream", Text(content, "filename"), Text(content, "sha256"))
                    : null;
                return (Text(content, "caption") ?? (media is null ? $"[{type} without a media id]" : ""), media, null);
            case "location":
                return (Location(content), null, null);
            case "reaction":
                // Meta omits the emoji when the customer takes the reaction back.
                var emoji = Text(content, "emoji");
                return (emoji is null ? "[Reaction removed]" : $"[Reaction {emoji}]", null, Text(content, "message_id"));
            case "button":
                return (Text(content, "text") ?? Text(content, "payload") ?? "[Button]", null, null);
            case "interactive":
                return (Interactive(content), null, null);
            case "contacts":
                return (Contacts(message), null, null);
            case "order":
                return ($"[Order of {Items(content, "product_items").Count()} product(s)]", null, null);
            case "system":
                return (Text(content, "body") ?? "[System message]", null, null);
            case "unsupported":
                var unsupported = Text(content, "type");
                return (Unsupported(unsupported is null ? "Unsupported message" : $"Unsupported message ({unsupported})", message), null, null);
            default:
                return (Unsupported($"Message of type \"{type}\" this desk does not read", message), null, null);
        }
    }

    private static string Location(JsonElement location)
    {
        var text = new StringBuilder("[Location");
        var place = string.Join(", ", new[] { Text(location, "name"), Text(location, "address") }.Where(p => !string.IsNullOrWhiteSpace(p)));
        if (place.Length > 0)
        {
            text.Append(": ").Append(place);
        }

        if (Number(location, "latitude") is { } latitude && Number(location, "longitude") is { } longitude)
        {
            text.Append(CultureInfo.InvariantCulture, $" ({latitude:0.######}, {longitude:0.######})");
        }

        return text.Append(']').ToString();
    }

    private static string Interactive(JsonElement interactive)
    {
        var kind = Text(interactive, "type");
        var reply = kind is null ? default : Child(interactive, kind);
        if (Text(reply, "title") is { Length: > 0 } title)
        {
            return Text(reply, "description") is { Length: > 0 } description ? $"{title} — {description}" : title;
        }

        return kind == "nfm_reply" ? $"[Form reply{(Text(reply, "name") is { Length: > 0 } form ? ": " + form : "")}]" : "[Interactive reply]";
    }

    private static string Contacts(JsonElement message)
    {
        var shared = new List<string>();
        foreach (var contact in Items(message, "contacts"))
        {
            var phones = string.Join(", ", Items(contact, "phones").Select(p => Text(p, "phone")).Where(p => !string.IsNullOrEmpty(p)));
            var name = Text(Child(contact, "name"), "formatted_name") ?? "";
            shared.Add(string.Join(" ", new[] { name, phones }.Where(p => p.Length > 0)));
        }

        var list = string.Join("; ", shared.Where(s => s.Length > 0));
        return list.Length == 0 ? "[Shared contact]" : $"[Shared contact: {list}]";
    }

    private static string Unsupported(string what, JsonElement message) =>
        FirstError(message) is { } error ? $"[{what}: {error.Describe()}]" : $"[{what}]";

    private static WhatsAppMessageStatus StatusOf(string? status) => status switch
    {
        "sent" => WhatsAppMessageStatus.Sent,
        "delivered" => WhatsAppMessageStatus.Delivered,
        "read" => WhatsAppMessageStatus.Read,
        "failed" => WhatsAppMessageStatus.Failed,
        _ => WhatsAppMessageStatus.Unknown,
    };

    private static WhatsAppError? FirstError(JsonElement parent)
    {
        foreach (var error in Items(parent, "errors"))
        {
            return ErrorOf(error);
        }

        return null;
    }

    private static WhatsAppError ErrorOf(JsonElement error) => new(
        Integer(error, "code") ?? 0,
        Text(error, "title") ?? Text(error, "message") ?? "",
        Text(Child(error, "error_data"), "details"));

    /// <summary>Unix seconds, sent as a string by Meta but tolerated as a number.</summary>
    private static DateTimeOffset? Timestamp(JsonElement parent) =>
        long.TryParse(Text(parent, "timestamp"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and < 253402300800
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    private static JsonElement Child(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var child) ? child : default;

    private static IEnumerable<JsonElement> Items(JsonElement parent, string name) =>
        Child(parent, name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];

    /// <summary>A string property, or the raw text of a number (ids and phone numbers sometimes arrive unquoted).</summary>
    private static string? Text(JsonElement parent, string name) => Child(parent, name) switch
    {
        { ValueKind: JsonValueKind.String } text => text.GetString(),
        { ValueKind: JsonValueKind.Number } number => number.GetRawText(),
        _ => null,
    };

    private static int? Integer(JsonElement parent, string name) =>
        int.TryParse(Text(parent, name), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static double? Number(JsonElement parent, string name) =>
        double.TryParse(Text(parent, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;
}
