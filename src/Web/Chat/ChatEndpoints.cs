using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Domain.Conversations;
using CallMyWay.Voice.Web.Api;
using CallMyWay.Voice.Web.Auth;
using CallMyWay.Voice.Web.Desk;
using CallMyWay.Voice.Web.WhatsApp;
using CallMyWay.Voice.Web.Widgets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CallMyWay.Voice.Web.Chat;

/// <summary>The written channels over HTTP: the widget's availability, closed-hours messages and files; the agents' conversation lists.</summary>
public static class ChatEndpoints
{
    public static IEndpointRouteBuilder MapChatEndpoints(this IEndpointRouteBuilder app)
    {
        var visitors = app.MapGroup("/api/chat").WithTags("Chat").RequireRateLimiting(RateLimits.Public).RequireCors(WidgetCors.Policy).AllowAnonymous();

        visitors.MapGet("/availability", (DeskRules rules, IOptions<ChatOptions> options, TimeProvider time) =>
        {
            var calendar = rules.Calendar;
            var now = time.GetUtcNow();
            var offset = calendar.Hours.UtcOffset;
            return Results.Ok(new
            {
                open = calendar.IsOpen(now),
                timeZone = DeskTimeText.Offset(offset),
                nextOpen = calendar.NextOpen(now),
                hours = new { weekdays = calendar.Hours.Weekdays.ToString(), weekend = calendar.Hours.Weekends.ToString() },
                email = options.Value.SupportEmail,
            });
        })
        .WithSummary("Whether agents chat now; outside hours, the hours, the next opening and the e-mail.");

        visitors.MapPost("/messages", async (OfflineMessageRequest request, HttpContext http, ChatLimiter limiter, ChatService chats, CancellationToken ct) =>
        {
            if (!limiter.TryLeaveMessage(http.Connection.RemoteIpAddress?.ToString() ?? "unknown"))
            {
                return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many messages", detail: "You left several messages already; we will answer them when we open.");
            }

            var (number, error) = await chats.LeaveMessageAsync(request, ct);
            return error is not null ? Problems.From(error) : Results.Created($"/api/cases/{number}", new { caseNumber = number });
        })
        .WithSummary("Leaves a message outside business hours: it opens a case (channel webchat).");

        visitors.MapPost("/attachments", async (HttpRequest request, ChatService chats, ChatAttachmentStore files, ChatLimiter limiter, CancellationToken ct) =>
        {
            if (!request.HasFormContentType)
            {
                return Problems.Validation(("file", "Send the file as multipart/form-data with the chat token."));
            }

            var form = await request.ReadFormAsync(ct);
            var conversation = await chats.FindByTokenAsync(form["token"].ToString(), ct);
            if (conversation is null)
            {
                return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Unknown chat", detail: "This chat is not known here any more; start a new one.");
            }

            if (form.Files.GetFile("file") is not { } file)
            {
                return Problems.Validation(("file", "Attach one file."));
            }

            if (file.Length > files.MaxBytes)
            {
                return TooLarge(files.MaxBytes);
            }

            if (!limiter.TrySend("webchat:" + conversation.Id))
            {
                return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many messages", detail: "You are sending too fast; wait a moment.");
            }

            ChatFile? kept;
            int? refusal;
            var stream = file.OpenReadStream();
            await using (stream.ConfigureAwait(false))
            {
                (kept, refusal) = await files.KeepAsync(conversation.Id, file.FileName, stream, ct);
            }

            if (kept is null)
            {
                return refusal == StatusCodes.Status413PayloadTooLarge
                    ? TooLarge(files.MaxBytes)
                    : Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "File type not accepted", detail: "We take images (PNG, JPEG, GIF), PDF and plain text files.");
            }

            var caption = form["text"].ToString();
            var outcome = await chats.PostFromCustomerAsync(
                conversation.Id,
                new NewChatMessage(caption, form["clientMessageId"].ToString() is { Length: > 0 } id ? id : null, null, kept.Id, kept.Name, kept.Type, kept.Size),
                ct);
            return outcome.Error is { } error ? Problems.From(error) : Results.Created((string?)null, ChatMessageView.From(conversation.Id, outcome.Message!));
        })
        .DisableAntiforgery()
        .WithSummary("A visitor sends a file in their chat (images, PDF, text; 5 MB at most).");

        app.MapGet("/api/chat/attachments/{conversationId}/{attachmentId}", async (string conversationId, string attachmentId, string? token, HttpContext http, ChatService chats, ChatAttachmentStore files, WhatsAppMediaClient media, CancellationToken ct) =>
        {
            var isAgent = http.User.Identity?.IsAuthenticated == true;
            var conversation = isAgent ? await chats.FindAsync(conversationId, ct) : await chats.FindByTokenAsync(token, ct);
            var message = conversation?.Id == conversationId ? conversation.Messages.FirstOrDefault(m => m.AttachmentId == attachmentId) : null;
            if (message is null)
            {
                return Results.NotFound();
            }

            // Served as a download, never rendered in our origin: a customer's file cannot run script in an agent's console.
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
            var name = message.AttachmentName ?? "file";
            if (attachmentId.StartsWith(ChatMessageView.WhatsAppMediaPrefix, StringComparison.Ordinal))
            {
                var fetched = await media.DownloadAsync(attachmentId[ChatMessageView.WhatsAppMediaPrefix.Length..], files.MaxBytes, ct);
                return fetched.Content is { } bytes
                    ? Results.File(bytes, message.AttachmentType ?? fetched.MimeType ?? "application/octet-stream", name)
                    : Results.Problem(statusCode: StatusCodes.Status502BadGateway, title: "WhatsApp file unavailable", detail: fetched.Error);
            }

            return files.PathOf(conversationId, attachmentId) is { } path
                ? Results.File(path, message.AttachmentType ?? "application/octet-stream", name)
                : Results.NotFound();
        })
        .WithTags("Chat").RequireRateLimiting(RateLimits.Public).RequireCors(WidgetCors.Policy).AllowAnonymous()
        .WithSummary("A chat's file, for its visitor (with the chat token) or an agent.");

        var agents = app.MapGroup("/api/conversations").WithTags("Chat").RequireAuthorization(AgentPolicies.Agent);

        agents.MapGet("/", async (string? status, string? phone, long? @case, ChatService chats, TimeProvider time, CancellationToken ct) =>
        {
            ConversationStatus? wanted = null;
            if (!string.IsNullOrWhiteSpace(status))
            {
                if (!Enum.TryParse<ConversationStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
                {
                    return Problems.Validation(("status", "Use waiting, active or closed."));
                }

                wanted = parsed;
            }

            var now = time.GetUtcNow();
            return Results.Ok((await chats.ListAsync(wanted, phone, @case, ct)).Select(c => ConversationSummary.From(c, now)));
        })
        .WithSummary("Conversations, latest activity first, by status, customer phone (any format) or case.");

        agents.MapGet("/{id}", async (string id, ChatService chats, TimeProvider time, CancellationToken ct) =>
            await chats.FindAsync(id, ct) is { } c
                ? Results.Ok(new ConversationView(ConversationSummary.From(c, time.GetUtcNow()), [.. c.Messages.Select(m => ChatMessageView.From(c.Id, m))]))
                : Results.NotFound())
        .WithSummary("One conversation with all its messages.");

        agents.MapGet("/{id}/transcript", async (string id, ChatService chats, DeskRules rules, CancellationToken ct) =>
            await chats.FindAsync(id, ct) is { } c
                ? Results.Text(ConversationTranscript.Render(c, DeskTimeText.Zone(rules.Calendar.Hours.UtcOffset)), "text/plain; charset=utf-8")
                : Results.NotFound())
        .WithSummary("The conversation's transcript as plain text, in desk time.");

        app.MapGet("/api/whatsapp/templates", (IWhatsAppOutbound whatsApp) => Results.Ok(whatsApp.Templates.Select(t => new { name = t.Name, language = t.Language })))
            .WithTags("Chat").RequireAuthorization(AgentPolicies.Agent)
            .WithSummary("The approved WhatsApp templates agents may send outside the 24-hour window.");

        return app;
    }

    private static IResult TooLarge(long max) =>
        Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "File too large", detail: $"Files up to {max / (1024 * 1024)} MB are accepted.");
}
