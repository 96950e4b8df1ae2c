using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CallMyWay.Voice.Web.WhatsApp;

/// <summary>
/// The Cloud API webhook: <c>GET /webhooks/whatsapp</c> answers Meta's verification request, <c>POST</c> takes signed
/// notifications and hands their messages and statuses to the <see cref="IWhatsAppInbox"/>.
/// </summary>
public static class WhatsAppWebhookEndpoints
{
    public const string Path = "/webhooks/whatsapp";

    public static IEndpointRouteBuilder MapWhatsAppWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        // Meta authenticates with the verify token (GET) and the body signature (POST), never with our agents' cookies.
        app.MapGet(Path, Verify)
            .AllowAnonymous()
            .WithTags("WhatsApp")
            .WithSummary("Meta's webhook verification request: echoes hub.challenge when hub.verify_token matches.");

        app.MapPost(Path, ReceiveAsync)
            .AllowAnonymous()
            .WithTags("WhatsApp")
            .WithSummary("A signed WhatsApp Business Account notification: customer messages and delivery statuses.");
        return app;
    }

    /// <summary>Graph API Webhooks, "Verification Requests": hub.mode is always "subscribe"; answer with hub.challenge.</summary>
    private static IResult Verify(HttpRequest request, [FromServices] IOptionsMonitor<WhatsAppOptions> options)
    {
        var settings = options.CurrentValue;
        if (!settings.Enabled)
        {
            return Results.NotFound();
        }

        var mode = request.Query["hub.mode"].ToString();
        var token = request.Query["hub.verify_token"].ToString();
        var challenge = request.Query["hub.challenge"].ToString();
        if (mode == "subscribe" && challenge.Length > 0 && TokenMatches(token, settings.VerifyToken))
        {
            return Results.Text(challenge, "text/plain", Encoding.UTF8);
        }

        return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "The verification request does not match this webhook.");
    }

    private static async Task<IResult> ReceiveAsync(
        HttpContext http,
        [FromServices] IOptionsMonitor<WhatsAppOptions> options,
        [FromServices] IWhatsAppInbox inbox,
        [FromServices] TimeProvider time,
        [FromServices] ILoggerFactory loggers,
        CancellationToken ct)
    {
        var settings = options.CurrentValue;
        if (!settings.Enabled)
        {
            return Results.NotFound();
        }

        var logger = loggers.CreateLogger(typeof(WhatsAppWebhookEndpoints).FullName!);
        var body = await ReadBodyAsync(http.Request, settings.MaxBodyBytes, ct).ConfigureAwait(false);
        if (body is null)
        {
            logger.LogWarning("WhatsApp webhook refused: body over {MaxBodyBytes} bytes from {Remote}", settings.MaxBodyBytes, http.Connection.RemoteIpAddress);
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The notification is too large.");
        }

        var headers = http.Request.Headers[WebhookSignature.HeaderName];
        var check = headers.Count > 1
            ? WebhookSignatureCheck.Malformed
            : WebhookSignature.Check(headers.ToString(), body.Value.Span, settings.AppSecret ?? "");
        if (check != WebhookSignatureCheck.Valid)
        {
            logger.LogWarning("WhatsApp webhook refused: signature {Check} from {Remote}", check, http.Connection.RemoteIpAddress);
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The notification is not signed with this app's secret.");
        }

        var read = WebhookPayloadReader.Read(body.Value, time.GetUtcNow());
        if (!read.IsValid)
        {
            // Signed but unreadable: 400 rather than 200 so it shows in Meta's delivery failures instead of vanishing.
            logger.LogWarning("WhatsApp webhook refused: {Error}", read.Error);
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The notification could not be read.", detail: read.Error);
        }

        foreach (var error in read.Errors)
        {
            logger.LogWarning("WhatsApp reported an error for the business number: {Error}", error.Describe());
        }

        if (read.Messages.Count > 0 || read.Statuses.Count > 0)
        {
            await inbox.AcceptAsync(read.Messages, read.Statuses, ct).ConfigureAwait(false);
        }

        return Results.Ok();
    }

    /// <summary>The raw body (the signature covers exactly these bytes), or null once it exceeds the cap.</summary>
    private static async Task<ReadOnlyMemory<byte>?> ReadBodyAsync(HttpRequest request, int maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        var body = new ArrayBufferWriter<byte>((int)Math.Clamp(request.ContentLength ?? 16 * 1024, 1, maxBytes));
        while (true)
        {
            var chunk = body.GetMemory(16 * 1024);
            var read = await request.Body.ReadAsync(chunk, ct).ConfigureAwait(false);
            if (read == 0)
            {
                return body.WrittenMemory;
            }

            if (body.WrittenCount + read > maxBytes)
            {
                return null;
            }

            body.Advance(read);
        }
    }

    private static bool TokenMatches(string presented, string? expected) =>
        !string.IsNullOrEmpty(expected)
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));
}
