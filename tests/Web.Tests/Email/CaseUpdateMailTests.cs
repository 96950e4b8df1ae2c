using System.Net;
using System.Text.RegularExpressions;
using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Web.Email.Confirmation;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CallMyWay.Voice.Web.Tests.Email;

/// <summary>Agents' public work reaches the customer by mail; the customer's word (or signed link) closes or reopens.</summary>
public sealed partial class CaseUpdateMailTests
{
    private const string Customer = "ana.perez@cliente.example";

    private const string CompleteReport = "Extensión: 201\nTráfico: entrante\nNúmero de la contraparte: 5541708422\nFecha y hora: 14/03/2025 09:15";

    [Fact]
    public async Task A_public_note_is_mailed_in_the_thread_and_a_private_one_is_not()
    {
        await using var desk = await EmailDesk.StartAsync();
        var (number, ack) = await OpenCompleteCaseAsync(desk);

        await desk.AgentAsync(number, (c, change) => c.AddNote("Revisamos la troncal; el proveedor reporta una falla en la ruta.", isPublic: true, change));
        await desk.AgentAsync(number, (c, change) => c.AddNote("Ticket del carrier 55-102, no compartir.", isPublic: false, change));

        var update = await desk.Relay.NextAsync();
        Assert.Equal(ack.Subject, update.Subject);
        Assert.Contains("Revisamos la troncal; el proveedor reporta una falla en la ruta.", update.TextBody, StringComparison.Ordinal);
        Assert.Null(update.Headers["Auto-Submitted"]);
        Assert.Equal(ack.InReplyTo, update.InReplyTo);
        Assert.Contains(ack.MessageId, update.References);
        Assert.Equal(2, (await desk.OutboxAsync()).Count);
        Assert.DoesNotContain(desk.Relay.All, m => (m.TextBody ?? string.Empty).Contains("55-102", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_agent_request_for_information_is_mailed_and_the_answer_resumes_review()
    {
        await using var desk = await EmailDesk.StartAsync();
        var (number, _) = await OpenCompleteCaseAsync(desk);

        await desk.AgentAsync(number, (c, change) => c.RequestInformation("¿Qué modelo de teléfono usa la extensión 201?", change));
        var request = await desk.Relay.NextAsync();
        Assert.Contains("¿Qué modelo de teléfono usa la extensión 201?", request.TextBody, StringComparison.Ordinal);
        Assert.Equal(CaseStatus.AwaitingInfo, (await desk.CaseAsync(number)).Status);

        await desk.SendAsync(EmailDesk.Reply(request, Customer, "Es un Yealink T46U."));

        var resumed = await desk.CaseAsync(number);
        Assert.Equal(CaseStatus.Open, resumed.Status);
        Assert.Contains(resumed.History, e => e.Action == "note" && e.Detail.Contains("Es un Yealink T46U.", StringComparison.Ordinal) && !e.Detail.Contains("> ", StringComparison.Ordinal));
        var told = await desk.Relay.NextAsync();
        Assert.Contains("su revisión ha comenzado", told.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolved_mail_asks_for_confirmation_and_confirmo_closes_the_case()
    {
        await using var desk = await EmailDesk.StartAsync();
        var (number, _) = await OpenCompleteCaseAsync(desk);

        await desk.AgentAsync(number, (c, change) => c.Resolve("Se corrigió la ruta de salida en la troncal.", change));

        var resolved = await desk.Relay.NextAsync();
        Assert.Contains("Se corrigió la ruta de salida en la troncal.", resolved.TextBody, StringComparison.Ordinal);
        Assert.Contains("CONFIRMO", resolved.TextBody, StringComparison.Ordinal);
        Assert.Contains($"https://desk.callmyway.test/api/email/confirm?case={number}&action=close&sig=", resolved.TextBody, StringComparison.Ordinal);
        Assert.Contains($"https://desk.callmyway.test/api/email/confirm?case={number}&action=reopen&sig=", resolved.TextBody, StringComparison.Ordinal);

        await desk.SendAsync(EmailDesk.Reply(resolved, Customer, "Confirmo, ya funciona. Gracias."));

        var closed = await desk.CaseAsync(number);
        Assert.Equal(CaseStatus.Closed, closed.Status);
        Assert.Contains(closed.History, e => e.Action == "confirmed" && e.Actor == "customer");
        var thanks = await desk.Relay.NextAsync();
        Assert.Contains($"El caso #{number} quedó cerrado.", thanks.TextBody, StringComparison.Ordinal);
        Assert.Equal("auto-replied", thanks.Headers["Auto-Submitted"]);
    }

    [Theory]
    [InlineData("No, sigue sin funcionar desde la oficina de Heredia.")]
    [InlineData("No está resuelto.")]
    [InlineData("Not solved, calls still drop.")]
    public async Task A_reply_saying_it_is_not_solved_reopens_the_case(string words)
    {
        await using var desk = await EmailDesk.StartAsync();
        var (number, _) = await OpenCompleteCaseAsync(desk);
        await desk.AgentAsync(number, (c, change) => c.Resolve("Se corrigió la ruta.", change));
        var resolved = await desk.Relay.NextAsync();

        await desk.SendAsync(EmailDesk.Reply(resolved, Customer, words));

        var reopened = await desk.CaseAsync(number);
        Assert.Equal(CaseStatus.Open, reopened.Status);
        Assert.Contains(reopened.History, e => e.Action == "reopened" && e.Detail.Contains(words, StringComparison.Ordinal));
        var sorry = await desk.Relay.NextAsync();
        Assert.Contains($"Reabrimos el caso #{number}", sorry.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task English_customer_confirms_with_solved()
    {
        await using var desk = await EmailDesk.StartAsync();
        await desk.SendAsync(EmailDesk.Message("john@client.example", "Inbound calls dropping", "Hello,\nExtension: 305\nDirection: inbound\nCounterpart number: +1 305 644 5535\nDate and time: 2025-03-14 08:00\nThanks", fromName: "John"));
        await desk.Relay.NextAsync();
        var number = (await desk.OnlyCaseAsync()).Number;
        await desk.AgentAsync(number, (c, change) => c.Resolve("The carrier fixed the route.", change));
        var resolved = await desk.Relay.NextAsync();
        Assert.Contains("CONFIRM", resolved.TextBody, StringComparison.Ordinal);
        Assert.StartsWith($"[Case #{number}]", resolved.Subject, StringComparison.Ordinal);

        await desk.SendAsync(EmailDesk.Reply(resolved, "john@client.example", "Yes, solved. Thank you!"));

        Assert.Equal(CaseStatus.Closed, (await desk.CaseAsync(number)).Status);
        Assert.Contains($"Case #{number} is now closed.", (await desk.Relay.NextAsync()).TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_signed_link_shows_a_page_on_get_and_closes_on_post()
    {
        await using var desk = await EmailDesk.StartAsync();
        var (number, _) = await OpenCompleteCaseAsync(desk);
        await desk.AgentAsync(number, (c, change) => c.Resolve("Se corrigió la ruta.", change));
        var resolved = await desk.Relay.NextAsync();
        var link = new Uri(CloseLink().Match(resolved.TextBody!).Value);
        using var http = new HttpClient { BaseAddress = desk.HttpBase };

        var page = await http.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Confirmar y cerrar", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(CaseStatus.Resolved, (await desk.CaseAsync(number)).Status);

        var done = await http.PostAsync(link.PathAndQuery, content: null);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal(CaseStatus.Closed, (await desk.CaseAsync(number)).Status);
        Assert.Contains("quedó cerrado", (await desk.Relay.NextAsync()).TextBody, StringComparison.Ordinal);

        var again = await http.PostAsync(link.PathAndQuery, content: null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task A_link_with_a_bad_signature_is_refused_and_changes_nothing()
    {
        await using var desk = await EmailDesk.StartAsync();
        var (number, _) = await OpenCompleteCaseAsync(desk);
        await desk.AgentAsync(number, (c, change) => c.Resolve("Se corrigió la ruta.", change));
        var links = desk.Services.GetRequiredService<ConfirmationLinks>();
        var reopenSignature = links.Sign(number, ConfirmAction.Reopen);
        using var http = new HttpClient { BaseAddress = desk.HttpBase };

        var forged = await http.PostAsync($"/api/email/confirm?case={number}&action=close&sig=AAAA{reopenSignature[4..]}", content: null);
        var swapped = await http.PostAsync($"/api/email/confirm?case={number}&action=close&sig={reopenSignature}", content: null);
        var otherCase = await http.PostAsync($"/api/email/confirm?case={number + 1}&action=reopen&sig={reopenSignature}", content: null);
        var missing = await http.GetAsync($"/api/email/confirm?case={number}&action=close");

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal("application/problem+json", forged.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, swapped.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherCase.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, missing.StatusCode);
        Assert.Equal(CaseStatus.Resolved, (await desk.CaseAsync(number)).Status);

        var reopen = await http.PostAsync($"/api/email/confirm?case={number}&action=reopen&sig={reopenSignature}", content: null);
        Assert.Equal(HttpStatusCode.OK, reopen.StatusCode);
        Assert.Equal(CaseStatus.Open, (await desk.CaseAsync(number)).Status);
    }

    [Fact]
    public async Task A_reply_to_a_closed_case_opens_a_follow_up_case()
    {
        await using var desk = await EmailDesk.StartAsync();
        var (number, _) = await OpenCompleteCaseAsync(desk);
        await desk.AgentAsync(number, (c, change) => c.Resolve("Se corrigió la ruta.", change));
        var resolved = await desk.Relay.NextAsync();
        await desk.SendAsync(EmailDesk.Reply(resolved, Customer, "Confirmo."));
        var closedMail = await desk.Relay.NextAsync();

        await desk.SendAsync(EmailDesk.Reply(closedMail, Customer, "Volvió a fallar hoy.\nExtensión: 201"));

        var cases = await desk.CasesAsync();
        Assert.Equal(2, cases.Count);
        var followUp = cases.Single(c => c.Number != number);
        Assert.StartsWith($"Follow-up of closed case #{number}.", followUp.Details.Description, StringComparison.Ordinal);
        Assert.Equal(CaseStatus.Closed, (await desk.CaseAsync(number)).Status);
    }

    private static async Task<(long Number, MimeMessage Ack)> OpenCompleteCaseAsync(EmailDesk desk)
    {
        await desk.SendAsync(EmailDesk.Message(Customer, "Llamadas entrantes sin audio", CompleteReport));
        var ack = await desk.Relay.NextAsync();
        var opened = await desk.OnlyCaseAsync();
        Assert.Equal(CaseStatus.Open, opened.Status);
        return (opened.Number, ack);
    }

    [GeneratedRegex(@"https://\S+action=close&sig=[A-Za-z0-9_-]+")]
    private static partial Regex CloseLink();
}
