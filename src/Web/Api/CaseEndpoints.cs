using System.Security.Claims;
using CallMyWay.Voice.Domain.Application;
using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Domain.Common;
using CallMyWay.Voice.Domain.Numbers;
using CallMyWay.Voice.Web.Auth;

namespace CallMyWay.Voice.Web.Api;

/// <summary>The case API of CONTRACT.md: list, read, open by hand, and the case actions.</summary>
public static class CaseEndpoints
{
    public static IEndpointRouteBuilder MapCaseEndpoints(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/cases").WithTags("Cases").RequireAuthorization(AgentPolicies.Agent);

        cases.MapGet("/", async (string? caller, string? did, string? status, string? kind, int? level, CaseService service, CancellationToken ct) =>
        {
            var query = new CaseQuery { Caller = caller, Did = did, Level = level };
            if (status is not null)
            {
                if (!TryParseName<CaseStatus>(status, out var parsed))
                {
                    return Problems.Validation(("status", $"Unknown status \"{status}\": use new, awaitingInfo, open, inProgress, resolved or closed."));
                }

                query = query with { Status = parsed };
            }

            if (kind is not null)
            {
                if (!TryParseName<CaseKind>(kind, out var parsed))
                {
                    return Problems.Validation(("kind", $"Unknown kind \"{kind}\": use incident, activation, inquiry or callback."));
                }

                query = query with { Kind = parsed };
            }

            var found = await service.ListAsync(query, ct);
            var response = new List<CaseResponse>(found.Count);
            foreach (var c in found)
            {
                response.Add(CaseResponse.From(c));
            }

            return Results.Ok(response);
        })
        .WithSummary("Lists cases, newest first, filtered by caller number, DID, status, kind or level.");

        cases.MapGet("/{number}", async (string number, CaseService service, CancellationToken ct) =>
        {
            if (!CaseNumber.TryParse(number, out var parsed))
            {
                return Problems.Validation(("number", "A case number has digits only."));
            }

            var found = await service.FindAsync(parsed, ct);
            return found is null ? Problems.From(DomainError.NotFound($"Case {parsed}")) : Results.Ok(CaseResponse.From(found));
        })
        .WithSummary("One case with its history.");

        cases.MapPost("/", async (CreateCaseRequest request, CaseService service, NumberPlan plan, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var errors = new List<(string, string)>();
            if (request.Kind is null)
            {
                errors.Add(("kind", "Say what kind of case this is: incident, activation, inquiry or callback."));
            }

            if (request.Channel is null)
            {
                errors.Add(("channel", "Say how the case arrived: phone, click2call, email, webchat or whatsapp."));
            }

            if (request.Interruption is { } interruption && interruption is < 1 or > 4)
            {
                errors.Add(("interruption", "Interruption goes from 1 (not working at all) to 4 (no impact)."));
            }

            if (request.AffectedUsers is { } users && !Enum.IsDefined(users))
            {
                errors.Add(("affectedUsers", "Affected users are one, several or all."));
            }

            if (request.CallerNumber is not null && !PhoneText.LooksLikeNumber(request.CallerNumber))
            {
                errors.Add(("callerNumber", "A phone number has 3 to 20 digits, optionally with a leading +."));
            }

            DeskNumber? desk = null;
            if (!string.IsNullOrWhiteSpace(request.Did))
            {
                desk = plan.Find(request.Did);
                if (desk is null)
                {
                    errors.Add(("did", $"{request.Did} is not one of the desk's numbers."));
                }
            }

            if (errors.Count > 0)
            {
                return Problems.Validation([.. errors]);
            }

            var opened = await service.OpenAsync(
                new NewCase
                {
                    Kind = request.Kind!.Value,
                    Channel = request.Channel!.Value,
                    CallerNumber = request.CallerNumber?.Trim(),
                    CallerEmail = request.CallerEmail?.Trim(),
                    CallerName = request.CallerName?.Trim(),
                    Did = desk?.E164,
                    Country = desk?.Country,
                    Language = desk?.Language,
                    Subject = request.Subject?.Trim(),
                    Details = request.Details ?? CaseDetails.Empty,
                    AffectedUsers = request.AffectedUsers,
                    Interruption = (Interruption?)request.Interruption,
                    Severity = request.Severity,
                },
                AgentClaims.Actor(user),
                ct);
            return Results.Created($"/api/cases/{opened.Number}", CaseResponse.From(opened));
        })
        .WithSummary("Opens a case by hand (e-mail, chat, walk-in).");

        MapAction<NoteRequest>(cases, "notes", "Adds a note; public notes are shown to the customer.", (c, r, change) => c.AddNote(r.Text ?? string.Empty, r.Public, change));
        MapAction<SeverityRequest>(cases, "severity", "Changes the severity; the SLA due times follow.", (c, r, change) =>
            r.Severity is { } severity ? c.ChangeSeverity(severity, r.Reason ?? string.Empty, change) : DomainError.Invalid("Give the new severity: S1, S2, S3 or S4."));
        MapAction<AssignRequest>(cases, "assign", "Assigns the case (to the caller when no agent is named).", (c, r, change) => c.Assign(string.IsNullOrWhiteSpace(r.Agent) ? change.Actor : r.Agent, change));
        MapAction<ReasonRequest>(cases, "start", "Starts work on an open case.", (c, _, change) => c.Start(change));
        MapAction<ReasonRequest>(cases, "escalate", "Escalates to the next level, with a reason.", (c, r, change) => c.Escalate(r.Text ?? string.Empty, change));
        MapAction<ReasonRequest>(cases, "request-info", "Asks the customer for more information; the SLA clock stops.", (c, r, change) => c.RequestInformation(r.Text ?? string.Empty, change));
        MapAction<ReasonRequest>(cases, "info-received", "Records the customer's answer; the SLA clock runs again.", (c, r, change) => c.InformationReceived(r.Text ?? string.Empty, change));
        MapAction<ReasonRequest>(cases, "resolve", "Marks the case resolved, describing the resolution.", (c, r, change) => c.Resolve(r.Text ?? string.Empty, change));
        MapAction<ReasonRequest>(cases, "confirm", "Closes a resolved case on the customer's confirmation.", (c, r, change) => c.ConfirmResolution(r.Text ?? string.Empty, change));
        MapAction<ReasonRequest>(cases, "reopen", "Reopens a resolved case the customer says is not solved.", (c, r, change) => c.Reopen(r.Text ?? string.Empty, change));
        MapAction<CaseDetails>(cases, "details", "Adds or corrects the case's details; a complete checklist starts review.", (c, r, change) => c.ProvideInformation(r, change));

        return app;
    }

    private static void MapAction<TRequest>(RouteGroupBuilder cases, string action, string summary, Func<SupportCase, TRequest, CaseChange, DomainError?> command)
    {
        cases.MapPost($"/{{number}}/{action}", async (string number, TRequest? request, CaseService service, ClaimsPrincipal user, CancellationToken ct) =>
        {
            if (!CaseNumber.TryParse(number, out var parsed))
            {
                return Problems.Validation(("number", "A case number has digits only."));
            }

            if (request is null)
            {
                return Problems.Validation(("body", "The request needs a JSON body."));
            }

            var result = await service.ChangeAsync(parsed, AgentClaims.Actor(user), (c, change) => command(c, request, change), ct);
            return result.Error is { } error ? Problems.From(error) : Results.Ok(CaseResponse.From(result.Case!));
        })
        .WithSummary(summary);
    }

    private static bool TryParseName<T>(string text, out T value)
        where T : struct, Enum =>
        Enum.TryParse(text, ignoreCase: true, out value) && Enum.IsDefined(value) && !int.TryParse(text, out _);
}
