using System.Buffers;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace CallMyWay.Voice.Web.WhatsApp;

/// <summary>
/// Sends messages through the Cloud API: <c>POST {BaseUrl}/{ApiVersion}/{PhoneNumberId}/messages</c> with the access
/// token as a Bearer token. Every outcome, including Graph errors and network failures, comes back as a
/// <see cref="WhatsAppSendResult"/>; only cancellation throws.
/// </summary>
public sealed class WhatsAppCloudClient
{
    /// <summary>Cloud API's limit for a text message body.</summary>
    public const int MaxTextLength = 4096;

    private readonly HttpClient _http;
    private readonly IOptionsMonitor<WhatsAppOptions> _options;
    private readonly ILogger<WhatsAppCloudClient> _logger;

    public WhatsAppCloudClient(HttpClient http, IOptionsMonitor<WhatsAppOptions> options, ILogger<WhatsAppCloudClient> logger)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options;
        _logger = logger;
        _http.BaseAddress ??= options.CurrentValue.BaseAddress();
    }

    /// <summary>A free-form text message; Cloud API delivers it only inside the 24-hour customer-service window.</summary>
    /// <param name="to">The customer's WhatsApp ID or phone number (E.164, with or without "+").</param>
    public Task<WhatsAppSendResult> SendTextAsync(string to, string body, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(to))
        {
            return Task.FromResult(WhatsAppSendResult.Refused("There is no recipient."));
        }

        if (string.IsNullOrWhiteSpace(body))
        {
            return Task.FromResult(WhatsAppSendResult.Refused("The message is empty."));
        }

        if (body.Length > MaxTextLength)
        {
            return Task.FromResult(WhatsAppSendResult.Refused($"The message has {body.Length} characters; WhatsApp takes at most {MaxTextLength}."));
        }

        var payload = Json(writer =>
        {
            WriteEnvelope(writer, to, "text");
            writer.WriteStartObject("text");
            writer.WriteBoolean("preview_url", false);
            writer.WriteString("body", body);
            writer.WriteEndObject();
        });
        return SendAsync(payload, "text", ct);
    }

    /// <summary>An approved template without parameters; the only kind of message allowed outside the customer-service window.</summary>
    public Task<WhatsAppSendResult> SendTemplateAsync(string to, string name, string languageCode, CancellationToken ct) =>
        SendTemplateAsync(to, name, languageCode, [], ct);

    /// <summary>An approved template whose body placeholders ({{1}}, {{2}}, ...) take these values in order.</summary>
    /// <remarks>Only templates listed in <c>WhatsApp:Templates</c> with that language are sent, so a typo never reaches Meta as 132001.</remarks>
    public Task<WhatsAppSendResult> SendTemplateAsync(string to, string name, string languageCode, IReadOnlyList<string> bodyParameters, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(bodyParameters);
        if (string.IsNullOrWhiteSpace(to))
        {
            return Task.FromResult(WhatsAppSendResult.Refused("There is no recipient."));
        }

        if (_options.CurrentValue.FindTemplate(name, languageCode) is null)
        {
            return Task.FromResult(WhatsAppSendResult.Refused($"The template \"{name}\" in \"{languageCode}\" is not among the approved templates in WhatsApp:Templates."));
        }

        var payload = Json(writer =>
        {
            WriteEnvelope(writer, to, "template");
            writer.WriteStartObject("template");
            writer.WriteString("name", name);
            writer.WriteStartObject("language");
            writer.WriteString("code", languageCode);
            writer.WriteEndObject();
            if (bodyParameters.Count > 0)
            {
                writer.WriteStartArray("components");
                writer.WriteStartObject();
                writer.WriteString("type", "body");
                writer.WriteStartArray("parameters");
                foreach (var parameter in bodyParameters)
                {
                    writer.WriteStartObject();
                    writer.WriteString("type", "text");
                    writer.WriteString("text", parameter);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        });
        return SendAsync(payload, "template", ct);
    }

    private async Task<WhatsAppSendResult> SendAsync(ReadOnlyMemory<byte> payload, string kind, CancellationToken ct)
    {
        var options = _options.CurrentValue;
        if (!options.Enabled || string.IsNullOrWhiteSpace(options.AccessToken) || string.IsNullOrWhiteSpace(options.PhoneNumberId))
        {
            return WhatsAppSendResult.Refused("WhatsApp is not enabled or not configured (WhatsApp:Enabled, WhatsApp:AccessToken, WhatsApp:PhoneNumberId).");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{options.ApiVersion}/{Uri.EscapeDataString(options.PhoneNumberId)}/messages", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.AccessToken);
        request.Content = new ReadOnlyMemoryContent(payload);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        WhatsAppSendResult result;
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
            var answer = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
            result = Interpret((int)response.StatusCode, answer);
        }
        catch (HttpRequestException e)
        {
            result = WhatsAppSendResult.Unanswered($"The Graph API could not be reached: {e.Message}");
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            result = WhatsAppSendResult.Unanswered($"The Graph API did not answer within {_http.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s.");
        }

        if (result.Succeeded)
        {
            _logger.LogDebug("WhatsApp {Kind} message accepted as {MessageId}", kind, result.MessageId);
        }
        else
        {
            // A rejected token stops every send until someone replaces it, so it is worth an error, not a warning.
            var level = result.ErrorCode == WhatsAppErrorCodes.AccessTokenExpired || result.HttpStatus == 401 ? LogLevel.Error : LogLevel.Warning;
            _logger.Log(level, "WhatsApp {Kind} message not accepted: HTTP {Status}, code {Code}, {Message} {Details} (retryable {Retryable}, fbtrace_id {TraceId})",
                kind, result.HttpStatus, result.ErrorCode, result.ErrorMessage, result.ErrorDetails, result.Retryable, result.TraceId);
        }

        return result;
    }

    /// <summary>
    /// 2xx: <c>{messaging_product, contacts:[{input, wa_id}], messages:[{id}]}</c>; otherwise the Graph error
    /// <c>{error:{message, type, code, error_subcode, error_data:{details}, fbtrace_id}}</c> or, from a proxy, anything.
    /// </summary>
    private static WhatsAppSendResult Interpret(int status, byte[] answer)
    {
        JsonDocument? document = null;
        try
        {
            document = JsonDocument.Parse(answer);
        }
        catch (JsonException)
        {
            // An HTML error page from a load balancer, an empty 502, ...: only the status tells.
        }

        using (document)
        {
            var root = document?.RootElement ?? default;
            if (status is >= 200 and < 300)
            {
                var messageId = Text(First(root, "messages"), "id");
                return string.IsNullOrEmpty(messageId)
                    ? WhatsAppSendResult.Failed(status, null, null, "The Graph API accepted the request but returned no message id.", null, null)
                    : WhatsAppSendResult.Sent(messageId, Text(First(root, "contacts"), "wa_id"), status);
            }

            var error = Child(root, "error");
            return WhatsAppSendResult.Failed(
                status,
                Integer(error, "code"),
                Integer(error, "error_subcode"),
                Text(error, "message") ?? $"The Graph API answered HTTP {status} without a Graph error.",
                Text(Child(error, "error_data"), "details"),
                Text(error, "fbtrace_id"));
        }
    }

    private static void WriteEnvelope(Utf8JsonWriter writer, string to, string type)
    {
        writer.WriteString("messaging_product", "whatsapp");
        writer.WriteString("recipient_type", "individual");
        writer.WriteString("to", to.Trim());
        writer.WriteString("type", type);
    }

    private static ReadOnlyMemory<byte> Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }

    private static JsonElement Child(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var child) ? child : default;

    private static JsonElement First(JsonElement parent, string name) =>
        Child(parent, name) is { ValueKind: JsonValueKind.Array } array && array.GetArrayLength() > 0 ? array[0] : default;

    private static string? Text(JsonElement parent, string name) => Child(parent, name) switch
    {
        { ValueKind: JsonValueKind.String } text => text.GetString(),
        { ValueKind: JsonValueKind.Number } number => number.GetRawText(),
        _ => null,
    };

    private static int? Integer(JsonElement parent, string name) =>
        int.TryParse(Text(parent, name), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;
}
