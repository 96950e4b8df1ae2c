using System.Globalization;
using System.Net;
using CallMyWay.Voice.Domain.Application;
using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Domain.Common;
using CallMyWay.Voice.Web.Data;
using CallMyWay.Voice.Web.Email.Confirmation;
using CallMyWay.Voice.Web.Email.Outbound;
using CallMyWay.Voice.Web.Email.Reading;
using CallMyWay.Voice.Web.Email.Threading;
using Microsoft.AspNetCore.Mvc;

namespace CallMyWay.Voice.Web.Email;

/// <summary>
/// The signed links of "resolved" mails. GET shows a page with one button and changes nothing, because mail
/// scanners open links on their own; the button POSTs the same signed URL, which closes or reopens the case.
/// </summary>
public static class EmailEndpoints
{
    public static IEndpointRouteBuilder MapEmailEndpoints(this IEndpointRouteBuilder app)
    {
        var email = app.MapGroup("/api/email").WithTags("Email").AllowAnonymous();

        email.MapGet("/confirm", async ([FromQuery(Name = "case")] string? caseNumber, string? action, string? sig, ConfirmationLinks links, CaseService cases, CancellationToken ct) =>
        {
            if (Check(caseNumber, action, sig, links, out var number, out var confirm) is { } refused)
            {
                return refused;
            }

            var found = await cases.FindAsync(number, ct);
            if (found is null)
            {
                return NotFound(number);
            }

            var texts = CustomerMail.TextsFor(found);
            var english = texts.IsEnglish;
            if (found.Status != CaseStatus.Resolved)
            {
                return Page(english, Title(number, english), english ? $"The case is {ContractName.Of(found.Status)}; there is nothing to confirm." : $"El caso está en estado {ContractName.Of(found.Status)}; no hay nada que confirmar.");
            }

            var question = confirm == ConfirmAction.Close
                ? (english ? "Do you confirm the problem is solved? The case will be closed." : "¿Confirma que el problema quedó resuelto? El caso se cerrará.")
                : (english ? "Is the problem not solved? The case will be reopened." : "¿El problema no está resuelto? El caso se reabrirá.");
            var button = confirm == ConfirmAction.Close ? (english ? "Confirm and close" : "Confirmar y cerrar") : (english ? "Reopen the case" : "Reabrir el caso");
            var form = $"<form method=\"post\" action=\"{WebUtility.HtmlEncode(links.LinkFor(number, confirm).PathAndQuery)}\"><button type=\"submit\">{WebUtility.HtmlEncode(button)}</button></form>";
            return Page(english, Title(number, english), question, form);
        })
        .WithSummary("The confirmation page of a signed link from a \"resolved\" mail; it changes nothing.");

        email.MapPost("/confirm", async ([FromQuery(Name = "case")] string? caseNumber, string? action, string? sig, ConfirmationLinks links, CaseService cases, DeskDbContext db, CustomerMail mail, EmailOutbox outbox, OutboxSignal signal, CancellationToken ct) =>
        {
            if (Check(caseNumber, action, sig, links, out var number, out var confirm) is { } refused)
            {
                return refused;
            }

            var result = confirm == ConfirmAction.Close
                ? await cases.ChangeAsync(number, EmailActors.Customer, (c, change) => c.ConfirmResolution("confirmed with the link in the resolution e-mail", change), ct)
                : await cases.ChangeAsync(number, EmailActors.Customer, (c, change) => c.Reopen("not solved, said with the link in the resolution e-mail", change), ct);
            if (result.Error is { } error)
            {
                return error.Code == "not-found" ? NotFound(number) : Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The case cannot change that way now.", detail: error.Message);
            }

            var changed = result.Case!;
            var english = CustomerMail.TextsFor(changed).IsEnglish;
            if (changed.CallerEmail is { } address)
            {
                var thread = await EmailThreads.ThreadOfAsync(db, number, ct);
                var to = new Recipient(address, changed.CallerName);
                var cause = string.Create(CultureInfo.InvariantCulture, $"link:{number}:{ContractName.Of(confirm)}:{changed.UpdatedAt.UtcTicks}");
                var answer = confirm == ConfirmAction.Close ? mail.Closed(changed, to, cause, thread) : mail.Reopened(changed, to, cause, thread);
                if (await outbox.EnqueueAsync(db, answer, ct) is not null)
                {
                    await db.SaveChangesAsync(ct);
                    signal.Notify();
                }
            }

            var texts = MailTexts.For(english);
            return Page(english, Title(number, english), confirm == ConfirmAction.Close ? texts.Closed(number) : texts.Reopened(number));
        })
        .DisableAntiforgery()
        .WithSummary("Closes (action=close) or reopens (action=reopen) a resolved case from a signed link.");

        return app;
    }

    /// <summary>Null when the link is whole and its signature good; else the problem to answer.</summary>
    private static IResult? Check(string? caseNumber, string? action, string? sig, ConfirmationLinks links, out long number, out ConfirmAction confirm)
    {
        confirm = default;
        number = 0;
        if (caseNumber is null || !CaseNumber.TryParse(caseNumber, out number) || !TryAction(action, out confirm))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The link is incomplete.", detail: "A confirmation link has case=<number>, action=close|reopen and sig.");
        }

        return links.Verify(number, confirm, sig)
            ? null
            : Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "The link's signature is not valid.", detail: "Use the link exactly as it came in the e-mail.");
    }

    private static bool TryAction(string? text, out ConfirmAction action)
    {
        switch (text)
        {
            case "close":
                action = ConfirmAction.Close;
                return true;
            case "reopen":
                action = ConfirmAction.Reopen;
                return true;
            default:
                action = default;
                return false;
        }
    }

    private static IResult NotFound(long number) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: DomainError.NotFound(string.Create(CultureInfo.InvariantCulture, $"Case {number}")).Message);

    private static string Title(long number, bool english) => string.Create(CultureInfo.InvariantCulture, $"{(english ? "Case" : "Caso")} #{number}");

    private static IResult Page(bool english, string title, string message, string? rawHtml = null) =>
        Results.Content(
            $"<!DOCTYPE html><html lang=\"{(english ? "en" : "es")}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><meta name=\"robots\" content=\"noindex\"><title>{WebUtility.HtmlEncode(title)} · CallMyWay</title></head>"
            + $"<body style=\"font-family:sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem\"><h1>{WebUtility.HtmlEncode(title)}</h1><p>{WebUtility.HtmlEncode(message)}</p>{rawHtml}</body></html>",
            "text/html; charset=utf-8");
}
