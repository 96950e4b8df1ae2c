using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Web.Email.Outbound;
using CallMyWay.Voice.Web.Email.Threading;
using MimeKit;

namespace CallMyWay.Voice.Web.Tests.Email;

/// <summary>Real SMTP into the listener, real SMTP out of the outbox: cases opened, threaded and completed by e-mail.</summary>
public sealed class EmailIntakeTests
{
    private const string Customer = "ana.perez@cliente.example";

    [Fact]
    public async Task New_message_opens_an_email_case_and_the_automatic_reply_carries_its_number_and_everything_missing()
    {
        await using var desk = await EmailDesk.StartAsync();
        var message = EmailDesk.Message(Customer, "Falla en llamadas salientes", "Buenos días,\n\nNo podemos hacer llamadas desde ayer.\n\nExtensión: 1234\n\nSaludos,\nAna");

        await desk.SendAsync(message);

        var opened = await desk.OnlyCaseAsync();
        Assert.Equal(CaseChannel.Email, opened.Channel);
        Assert.Equal(CaseKind.Incident, opened.Kind);
        Assert.Equal(CaseStatus.AwaitingInfo, opened.Status);
        Assert.Equal(Customer, opened.CallerEmail);
        Assert.Equal("Ana Pérez", opened.CallerName);
        Assert.Equal("Falla en llamadas salientes", opened.Subject);
        Assert.Equal("es", opened.Language);
        Assert.Equal("1234", opened.Details.Extension);
        Assert.Contains("No podemos hacer llamadas desde ayer.", opened.Details.Description, StringComparison.Ordinal);
        Assert.Equal(["direction", "counterpartNumber", "occurredAt"], opened.MissingInfo);

        var reply = await desk.Relay.NextAsync();
        Assert.Equal($"[Caso #{opened.Number}] Falla en llamadas salientes", reply.Subject);
        Assert.Equal(Customer, reply.To.Mailboxes.Single().Address);
        Assert.Equal(EmailDesk.Support, reply.From.Mailboxes.Single().Address);
        Assert.Equal("auto-replied", reply.Headers["Auto-Submitted"]);
        Assert.Equal(message.MessageId, reply.InReplyTo);
        Assert.Contains(message.MessageId, reply.References);
        var body = reply.TextBody;
        Assert.Contains($"caso #{opened.Number}", body, StringComparison.Ordinal);
        Assert.Contains("Tráfico (entrante o saliente):", body, StringComparison.Ordinal);
        Assert.Contains("Número de la contraparte:", body, StringComparison.Ordinal);
        Assert.Contains("Fecha y hora aproximada (GMT-6):", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Extensión o usuario:", body, StringComparison.Ordinal);
        Assert.Single(desk.Relay.All);
    }

    [Fact]
    public async Task A_complete_report_opens_for_review_at_once()
    {
        await using var desk = await EmailDesk.StartAsync();

        await desk.SendAsync(EmailDesk.Message(Customer, "Llamadas entrantes sin audio", """
            Hola,
            1. Extensión: 201
            2. Tráfico: entrante
            3. Número de la contraparte: +52 55 4170 8422
            4. Fecha y hora: 14/03/2025 09:15
            Usuarios afectados: varios
            Interrupción: 2
            """));

        var opened = await desk.OnlyCaseAsync();
        Assert.Equal(CaseStatus.Open, opened.Status);
        Assert.Equal(TrafficDirection.Inbound, opened.Details.Direction);
        Assert.Equal("+52 55 4170 8422", opened.Details.CounterpartNumber);
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 9, 15, 0, TimeSpan.FromHours(-6)), opened.Details.OccurredAt);
        Assert.Equal(AffectedUsers.Several, opened.AffectedUsers);
        Assert.Equal(Interruption.SeriouslyAffected, opened.Interruption);
        Assert.Equal(Domain.Sla.Severity.S2, opened.Severity);
        var reply = await desk.Relay.NextAsync();
        Assert.Contains("está completo y en revisión", reply.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reply_with_the_missing_fields_completes_the_case_and_the_customer_is_told_review_started()
    {
        await using var desk = await EmailDesk.StartAsync();
        await desk.SendAsync(EmailDesk.Message(Customer, "Falla en llamadas", "Extensión: 1234"));
        var ours = await desk.Relay.NextAsync();

        await desk.SendAsync(EmailDesk.Reply(ours, Customer, """
            Tráfico (entrante o saliente): saliente
            Número de la contraparte: 5541708422
            Fecha y hora aproximada (GMT-6): 13/03/2025 18:40
            """));

        var opened = await desk.OnlyCaseAsync();
        Assert.Equal(CaseStatus.Open, opened.Status);
        Assert.Empty(opened.MissingInfo);
        Assert.Equal(TrafficDirection.Outbound, opened.Details.Direction);
        Assert.Equal("5541708422", opened.Details.CounterpartNumber);
        Assert.Equal(new DateTimeOffset(2025, 3, 13, 18, 40, 0, TimeSpan.FromHours(-6)), opened.Details.OccurredAt);
        Assert.NotNull(opened.ReviewStartedAt);
        Assert.Contains(opened.History, e => e.Actor == "customer" && e.Action == "details");

        var told = await desk.Relay.NextAsync();
        Assert.Equal(ours.Subject, told.Subject);
        Assert.Contains("su revisión ha comenzado", told.TextBody, StringComparison.Ordinal);
        Assert.Equal(2, desk.Relay.All.Count);
    }

    [Fact]
    public async Task Reply_threads_by_the_subject_number_and_asks_once_more_for_what_is_still_missing()
    {
        await using var desk = await EmailDesk.StartAsync();
        await desk.SendAsync(EmailDesk.Message(Customer, "Falla en llamadas", "Extensión: 1234"));
        var ours = await desk.Relay.NextAsync();
        var number = (await desk.OnlyCaseAsync()).Number;

        // A new message, not a reply: only the number in the subject ties it to the case.
        await desk.SendAsync(EmailDesk.Message(Customer, $"Caso #{number} - datos", "Tráfico: saliente"));

        var threaded = await desk.OnlyCaseAsync();
        Assert.Equal(CaseStatus.AwaitingInfo, threaded.Status);
        Assert.Equal(TrafficDirection.Outbound, threaded.Details.Direction);
        Assert.Equal(["counterpartNumber", "occurredAt"], threaded.MissingInfo);
        var again = await desk.Relay.NextAsync();
        Assert.Equal(ours.Subject, again.Subject);
        Assert.Contains("aún necesitamos", again.TextBody, StringComparison.Ordinal);
        Assert.Contains("Número de la contraparte:", again.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Tráfico (entrante o saliente):", again.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reply_threads_by_references_alone()
    {
        await using var desk = await EmailDesk.StartAsync();
        var first = EmailDesk.Message(Customer, "Falla en llamadas", "Extensión: 1234");
        await desk.SendAsync(first);
        await desk.Relay.NextAsync();

        // A client that drops In-Reply-To and the subject, but keeps the customer's own first message in References.
        var followUp = EmailDesk.Message(Customer, "Más datos", "Tráfico: entrante");
        followUp.References.Add(first.MessageId!);
        await desk.SendAsync(followUp);

        var threaded = await desk.OnlyCaseAsync();
        Assert.Equal(TrafficDirection.Inbound, threaded.Details.Direction);
        Assert.Equal(2, (await desk.MessagesAsync()).Count(m => m.Direction == EmailDirection.Inbound && m.CaseNumber == threaded.Number));
    }

    [Fact]
    public async Task A_stranger_quoting_a_case_number_does_not_get_into_that_case()
    {
        await using var desk = await EmailDesk.StartAsync();
        await desk.SendAsync(EmailDesk.Message(Customer, "Falla", "Extensión: 1234"));
        var number = (await desk.OnlyCaseAsync()).Number;

        await desk.SendAsync(EmailDesk.Message("intruso@otro.example", $"[Caso #{number}]", "Confirmo, pueden cerrar."));

        var cases = await desk.CasesAsync();
        Assert.Equal(2, cases.Count);
        Assert.DoesNotContain((await desk.CaseAsync(number)).History, e => e.Actor == "customer");
    }

    [Fact]
    public async Task English_message_gets_english_replies_and_english_labels_are_read()
    {
        await using var desk = await EmailDesk.StartAsync();
        var message = EmailDesk.Message("john@client.example", "Outbound calls failing", "Hello team,\n\nOur users cannot place calls since this morning.\n\nExtension: 305\nDirection: outbound\n\nThanks,\nJohn", fromName: "John Smith");

        await desk.SendAsync(message);

        var opened = await desk.OnlyCaseAsync();
        Assert.Equal("en", opened.Language);
        Assert.Equal("305", opened.Details.Extension);
        Assert.Equal(TrafficDirection.Outbound, opened.Details.Direction);
        var reply = await desk.Relay.NextAsync();
        Assert.Equal($"[Case #{opened.Number}] Outbound calls failing", reply.Subject);
        Assert.StartsWith("Hello John Smith,", reply.TextBody, StringComparison.Ordinal);
        Assert.Contains("Counterpart number:", reply.TextBody, StringComparison.Ordinal);
        Assert.Contains("Approximate date and time (GMT-6):", reply.TextBody, StringComparison.Ordinal);

        await desk.SendAsync(EmailDesk.Reply(reply, "john@client.example", "Counterpart number: +1 305 644 5535\nApproximate date and time (GMT-6): 03/13/2025 4:30 PM"));

        var completed = await desk.OnlyCaseAsync();
        Assert.Equal(CaseStatus.Open, completed.Status);
        Assert.Equal(new DateTimeOffset(2025, 3, 13, 16, 30, 0, TimeSpan.FromHours(-6)), completed.Details.OccurredAt);
        var told = await desk.Relay.NextAsync();
        Assert.Contains("its review has started", told.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Activation_request_is_an_activation_case_asking_for_the_activation_checklist()
    {
        await using var desk = await EmailDesk.StartAsync();

        await desk.SendAsync(EmailDesk.Message(Customer, "Solicitud de activación de extensión", """
            Buenas tardes, solicitamos una nueva extensión.
            ID de cuenta: CMW-8841
            Nombre completo: Carla Gómez
            Extensión: 245
            Tipo: Teams
            """));

        var opened = await desk.OnlyCaseAsync();
        Assert.Equal(CaseKind.Activation, opened.Kind);
        Assert.Equal("CMW-8841", opened.Details.AccountId);
        Assert.Equal("Carla Gómez", opened.Details.FullName);
        Assert.Equal(ExtensionType.Teams, opened.Details.ExtensionType);
        Assert.Equal(["directNumber", "teamsEmail", "ringGroup"], opened.MissingInfo);
        var reply = await desk.Relay.NextAsync();
        Assert.Contains("Número directo (sí o no):", reply.TextBody, StringComparison.Ordinal);
        Assert.Contains("Correo de Teams a ligar:", reply.TextBody, StringComparison.Ordinal);
        Assert.Contains("Grupo o cola de timbrado (no, o su nombre):", reply.TextBody, StringComparison.Ordinal);

        await desk.SendAsync(EmailDesk.Reply(reply, Customer, "Número directo (sí o no): sí\nCorreo de Teams a ligar: carla.gomez@cliente.example\nGrupo o cola de timbrado (no, o su nombre): sí, Ventas"));

        var complete = await desk.OnlyCaseAsync();
        Assert.Equal(CaseStatus.Open, complete.Status);
        Assert.True(complete.Details.DirectNumber);
        Assert.Equal("carla.gomez@cliente.example", complete.Details.TeamsEmail);
        Assert.True(complete.Details.InRingGroup);
        Assert.Equal("Ventas", complete.Details.RingGroup);
    }

    [Fact]
    public async Task A_question_is_an_inquiry_open_at_once()
    {
        await using var desk = await EmailDesk.StartAsync();

        await desk.SendAsync(EmailDesk.Message(Customer, "Consulta sobre tarifas", "¿Cuál es el costo de un número directo adicional en Costa Rica?"));

        var opened = await desk.OnlyCaseAsync();
        Assert.Equal(CaseKind.Inquiry, opened.Kind);
        Assert.Equal(CaseStatus.Open, opened.Status);
        Assert.Equal(Domain.Sla.Severity.S4, opened.Severity);
    }

    [Fact]
    public async Task The_same_message_delivered_twice_is_taken_once()
    {
        await using var desk = await EmailDesk.StartAsync();
        var message = EmailDesk.Message(Customer, "Falla", "Extensión: 1234");

        await desk.SendAsync(message);
        await desk.SendAsync(message);

        await desk.OnlyCaseAsync();
        Assert.Single(await desk.OutboxAsync());
        Assert.Single(await desk.MessagesAsync(), m => m.Direction == EmailDirection.Inbound);
    }

    [Fact]
    public async Task Html_only_message_becomes_readable_text_and_its_table_fields_are_read()
    {
        await using var desk = await EmailDesk.StartAsync();
        var message = EmailDesk.Message(Customer, "Falla", string.Empty);
        message.Body = new TextPart("html")
        {
            Text = "<html><head><style>p { color: red }</style></head><body><p>Hola,</p><p>La extensi&oacute;n <b>1234</b> no funciona.<br>Gracias</p>"
                + "<table><tr><td>Tráfico:</td><td>saliente</td></tr><tr><td>Número de la contraparte:</td><td>+506 4000 4000</td></tr></table><script>alert(1)</script></body></html>",
        };

        await desk.SendAsync(message);

        var opened = await desk.OnlyCaseAsync();
        Assert.Equal("Hola,\n\nLa extensión 1234 no funciona.\nGracias\n\nTráfico: saliente\nNúmero de la contraparte: +506 4000 4000", opened.Details.Description);
        Assert.Equal(TrafficDirection.Outbound, opened.Details.Direction);
        Assert.Equal("+506 4000 4000", opened.Details.CounterpartNumber);
    }

    [Fact]
    public async Task Message_to_another_address_is_refused_with_550()
    {
        await using var desk = await EmailDesk.StartAsync();

        var refused = await Assert.ThrowsAsync<MailKit.Net.Smtp.SmtpCommandException>(() => desk.SendAsync(EmailDesk.Message(Customer, "Hola", "Hola", to: "ventas@callmyway.com")));

        Assert.Equal(550, (int)refused.StatusCode);
        Assert.Empty(await desk.CasesAsync());
    }

    [Fact]
    public async Task The_seed_other_address_is_also_the_support_mailbox()
    {
        await using var desk = await EmailDesk.StartAsync();

        await desk.SendAsync(EmailDesk.Message(Customer, "Falla", "Extensión: 1", to: "sosporte@callmyway.com"));

        await desk.OnlyCaseAsync();
    }
}
