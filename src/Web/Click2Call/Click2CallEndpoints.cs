using System.Globalization;
using CallMyWay.Voice.Web.Auth;
using CallMyWay.Voice.Web.Data;
using CallMyWay.Voice.Web.Widgets;
using Microsoft.EntityFrameworkCore;

namespace CallMyWay.Voice.Web.Click2Call;

/// <summary>
/// <c>POST /api/click2call</c> (CONTRACT.md), <c>GET</c> and <c>DELETE /api/click2call/{id}</c> for whoever holds the
/// id, and <c>GET /api/click2call</c> for agents: recent callbacks with every attempt.
/// </summary>
public static class Click2CallEndpoints
{
    public const string Path = "/api/click2call";

    public static IEndpointRouteBuilder MapClick2CallEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Path).WithTags("Click2Call").RequireCors(WidgetCors.Policy);

        group.MapPost("/", async (Click2CallRequest? request, Click2CallService service, HttpContext http, CancellationToken ct) =>
        {
            request ??= new Click2CallRequest(null, null, null);
            if (request.Name is { Length: > 100 } || request.Reason is { Length: > 500 })
            {
                return Results.ValidationProblem(
                    new Dictionary<string, string[]> { [request.Name is { Length: > 100 } ? "name" : "reason"] = ["Too long: the name takes up to 100 characters, the reason up to 500."] },
                    title: "The request has invalid values.");
            }

            var answer = await service.RequestAsync(request, ClientIp(http), ct).ConfigureAwait(false);
            if (answer.Callback is { } callback)
            {
                return Results.Accepted($"{Path}/{callback.Id}", callback);
            }

            if (answer.RetryAfter is { } wait)
            {
                http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            }

            return Results.Problem(
                statusCode: answer.StatusCode,
                title: TitleOf(answer.Decision),
                detail: answer.Detail,
                extensions: new Dictionary<string, object?> { ["code"] = CodeOf(answer.Decision) });
        })
        .WithSummary("Asks the desk to call a number back: now when open, at the next opening when closed.");

        group.MapGet("/{id}", async (string id, Click2CallService service, CancellationToken ct) =>
            await service.FindAsync(id, ct).ConfigureAwait(false) is { } callback ? Results.Ok(Click2CallView.Of(callback)) : Results.NotFound())
        .WithSummary("A callback's state and attempts, for whoever holds its id.");

        group.MapDelete("/{id}", async (string id, Click2CallService service, HttpContext http, CancellationToken ct) =>
            await service.CancelAsync(id, ClientIp(http), ct).ConfigureAwait(false) switch
            {
                Click2CallCancellation.Cancelled => Results.NoContent(),
                Click2CallCancellation.NotFound => Results.NotFound(),
                _ => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Too late to cancel", detail: "The callback is being dialled or is over."),
            })
        .WithSummary("Cancels a scheduled callback.");

        group.MapGet("/", async (string? status, DeskDbContext db, CancellationToken ct) =>
        {
            var query = db.Set<Click2CallCallback>().AsNoTracking();
            if (Enum.TryParse<Click2CallStatus>(status, ignoreCase: true, out var wanted))
            {
                query = query.Where(c => c.Status == wanted);
            }

            var callbacks = await query.ToListAsync(ct).ConfigureAwait(false);
            return Results.Ok(callbacks.OrderByDescending(c => c.CreatedAt).Take(200).Select(Click2CallView.Of));
        })
        .RequireAuthorization(AgentPolicies.Agent)
        .WithSummary("Recent website callbacks with every attempt (agents).");
        return app;
    }

    private static string ClientIp(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static string TitleOf(Click2CallDecision decision) => decision switch
    {
        Click2CallDecision.InvalidNumber => "Invalid number",
        Click2CallDecision.TypeRefused => "Number type not called",
        Click2CallDecision.CountryNotServed => "Country not served",
        _ => "Too many requests",
    };

    private static string CodeOf(Click2CallDecision decision) => decision switch
    {
        Click2CallDecision.InvalidNumber => "number.invalid",
        Click2CallDecision.TypeRefused => "number.type",
        Click2CallDecision.CountryNotServed => "country.not-served",
        Click2CallDecision.TooManyFromClient => "limit.client",
        Click2CallDecision.TooManyForNumber => "limit.number",
        _ => "limit.calls",
    };
}
