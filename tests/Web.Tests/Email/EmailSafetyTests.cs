using CallMyWay.Voice.Web.Email.Attachments;
using CallMyWay.Voice.Web.Email.Threading;
using MailKit.Net.Smtp;
using MimeKit;

namespace CallMyWay.Voice.Web.Tests.Email;

/// <summary>What must never happen by e-mail: loops, duplicates, floods, unbounded messages, lost content.</summary>
public sealed class EmailSafetyTests
{
    private const string Customer = "ana.perez@cliente.example";

    [Theory]
    [InlineData("Auto-Submitted", "auto-replied")]
    [InlineData("Auto-Submitted", "auto-generated")]
    [InlineData("Precedence", "bulk")]
    [InlineData("Precedence", "junk")]
    [InlineData("Precedence", "list")]
    [InlineData("X-Autoreply", "yes")]
    [InlineData("List-Id", "<avisos.cliente.example>")]
    public async Task Automatic_messages_open_no_case_and_get_no_answer(string header, string value)
    {
        await using var desk = await EmailDesk.StartAsync();
        var message = EmailDesk.Message(Customer, "Fuera de la oficina", "Estaré fuera hasta el lunes.");
        message.Headers.Add(header, value);

        await desk.SendAsync(message);

        Assert.Empty(await desk.CasesAsync());
        Assert.Empty(await desk.OutboxAsync());
        Assert.Equal("automated", Assert.Single(await desk.MessagesAsync()).Outcome);
    }

    [Theory]
    [InlineData("MAILER-DAEMON@mx.cliente.example")]
    [InlineData("postmaster@cliente.example")]
    [InlineData("no-reply@cliente.example")]
    [InlineData(EmailDesk.Support)]
    public async Task Mail_from_machines_or_from_ourselves_is_not_answered(string sender)
    {
        await using var desk = await EmailDesk.StartAsync();

        await desk.SendAsync(EmailDesk.Message(sender, "Undelivered Mail Returned to Sender", "This is the mail system."));

        Assert.Empty(await desk.CasesAsync());
        Assert.Empty(await desk.OutboxAsync());
    }

    [Fact]
    public async Task A_bounce_with_the_null_reverse_path_is_recorded_on_its_case_but_never_answered()
    {
        await using var desk = await EmailDesk.StartAsync();
        await desk.SendAsync(EmailDesk.Message(Customer, "Falla", "Extensión: 1234"));
        var ours = await desk.Relay.NextAsync();
        var number = (await desk.OnlyCaseAsync()).Number;

        await using (var smtp = await RawSmtp.ConnectAsync(desk.SmtpPort))
        {
            var reply = await smtp.SendAsync(string.Empty, EmailDesk.Support, $"""
                From: Mail Delivery System <mailer-daemon@mx.callmyway.com>
                To: {EmailDesk.Support}
                Subject: Undelivered Mail Returned to Sender
                Message-ID: <bounce-1@mx.callmyway.com>
                In-Reply-To: <{ours.MessageId}>
                Content-Type: text/plain

                The mail system: <ana.perez@cliente.example>: mailbox full
                """);
            Assert.StartsWith("250", reply, StringComparison.Ordinal);
        }

        Assert.Single(await desk.CasesAsync());
        Assert.Single(await desk.OutboxAsync());
        var record = Assert.Single(await desk.MessagesAsync(), m => m.MessageId == "bounce-1@mx.callmyway.com");
        Assert.Equal(number, record.CaseNumber);
        Assert.Contains((await desk.CaseAsync(number)).History, e => e.Action == "note" && !e.IsPublic && e.Detail.Contains("null reverse-path", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_30_MB_message_is_refused_cleanly_with_552_and_the_listener_goes_on()
    {
        await using var desk = await EmailDesk.StartAsync();
        var huge = EmailDesk.Message(Customer, "Grabaciones", "Adjunto las grabaciones.");
        var builder = new BodyBuilder { TextBody = "Adjunto las grabaciones." };
        builder.Attachments.Add("llamada.wav", new byte[30 * 1024 * 1024], ContentType.Parse("audio/wav"));
        huge.Body = builder.ToMessageBody();

        var refused = await Assert.ThrowsAsync<SmtpCommandException>(() => desk.SendAsync(huge));
        Assert.Equal(552, (int)refused.StatusCode);

        // A client that announces the size (RFC 1870) is told before it sends a byte.
        await using (var smtp = await RawSmtp.ConnectAsync(desk.SmtpPort))
        {
            Assert.StartsWith("552", await smtp.CommandAsync($"MAIL FROM:<{Customer}> SIZE={30 * 1024 * 1024}"), StringComparison.Ordinal);
        }

        await desk.SendAsync(EmailDesk.Message(Customer, "Falla", "Extensión: 1234"));
        await desk.OnlyCaseAsync();
    }

    [Fact]
    public async Task A_sender_over_the_hourly_limit_gets_452_until_the_hour_has_passed()
    {
        await using var desk = await EmailDesk.StartAsync(new Dictionary<string, string?> { ["Email:MaxMessagesPerSenderPerHour"] = "2" });
        await desk.SendAsync(EmailDesk.Message(Customer, "Uno", "Extensión: 1"));
        await desk.SendAsync(EmailDesk.Message(Customer, "Dos", "Extensión: 2"));

        var refused = await Assert.ThrowsAsync<SmtpCommandException>(() => desk.SendAsync(EmailDesk.Message(Customer, "Tres", "Extensión: 3")));
        Assert.Equal(452, (int)refused.StatusCode);
        Assert.Equal(2, (await desk.CasesAsync()).Count);

        desk.Time.Advance(TimeSpan.FromMinutes(61));
        await desk.SendAsync(EmailDesk.Message(Customer, "Tres", "Extensión: 3"));
        Assert.Equal(3, (await desk.CasesAsync()).Count);
    }

    [Fact]
    public async Task Malformed_mime_is_kept_as_raw_text_in_a_case()
    {
        await using var desk = await EmailDesk.StartAsync();

        await using (var smtp = await RawSmtp.ConnectAsync(desk.SmtpPort))
        {
            var reply = await smtp.SendAsync(Customer, EmailDesk.Support, "esto no es un encabezado\nExtensión: 77\nLas llamadas se cortan a los 30 segundos.");
            Assert.StartsWith("250", reply, StringComparison.Ordinal);
        }

        var opened = await desk.OnlyCaseAsync();
        Assert.Equal(Customer, opened.CallerEmail);
        Assert.Contains("Las llamadas se cortan a los 30 segundos.", opened.Details.Description, StringComparison.Ordinal);
        Assert.Equal("77", opened.Details.Extension);
        Assert.Contains(opened.History, e => e.Detail.Contains("raw text", StringComparison.Ordinal));
        Assert.Single(await desk.OutboxAsync());
    }

    [Fact]
    public async Task A_multipart_whose_boundary_never_comes_keeps_its_text()
    {
        await using var desk = await EmailDesk.StartAsync();

        await using (var smtp = await RawSmtp.ConnectAsync(desk.SmtpPort))
        {
            await smtp.SendAsync(Customer, EmailDesk.Support, $"""
                From: {Customer}
                To: {EmailDesk.Support}
                Subject: Cortes
                Message-ID: <roto-1@cliente.example>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="nunca"

                Las llamadas entrantes se cortan.
                Extensión: 88
                """);
        }

        var opened = await desk.OnlyCaseAsync();
        Assert.Contains("Las llamadas entrantes se cortan.", opened.Details.Description, StringComparison.Ordinal);
        Assert.Equal("88", opened.Details.Extension);
    }

    [Fact]
    public async Task Attachments_are_kept_on_disk_and_listed_and_oversized_ones_refused_and_reported()
    {
        await using var desk = await EmailDesk.StartAsync(new Dictionary<string, string?> { ["Email:MaxAttachmentBytes"] = "2048" });
        var message = EmailDesk.Message(Customer, "Falla con captura", "Extensión: 1234");
        var small = new byte[1000];
        Random.Shared.NextBytes(small);
        var builder = new BodyBuilder { TextBody = "Extensión: 1234" };
        builder.Attachments.Add("captura.png", small, ContentType.Parse("image/png"));
        builder.Attachments.Add("../../traza completa.pcap", new byte[5000], ContentType.Parse("application/vnd.tcpdump.pcap"));
        message.Body = builder.ToMessageBody();

        await desk.SendAsync(message);

        var opened = await desk.OnlyCaseAsync();
        var records = await desk.RowsAsync<EmailAttachmentRecord>();
        var kept = Assert.Single(records, r => r.StoredPath is not null);
        Assert.Equal("captura.png", kept.FileName);
        Assert.Equal(1000, kept.Size);
        Assert.Equal(small, await File.ReadAllBytesAsync(Path.Combine(desk.Folder, "attachments", kept.StoredPath!)));
        Assert.StartsWith($"{opened.Number}/", kept.StoredPath, StringComparison.Ordinal);
        var refused = Assert.Single(records, r => r.StoredPath is null);
        Assert.Equal("traza completa.pcap", refused.FileName);
        Assert.Single(Directory.GetFiles(Path.Combine(desk.Folder, "attachments"), "*", SearchOption.AllDirectories));

        var listed = Assert.Single(opened.History, e => e.Detail.StartsWith("attachments kept", StringComparison.Ordinal));
        Assert.True(listed.Detail.Contains("captura.png (1000 B)", StringComparison.Ordinal), listed.Detail);
        Assert.True(listed.Detail.Contains("attachments refused: traza completa.pcap (4.9 KB), over 2.0 KB per file", StringComparison.Ordinal), listed.Detail);
        var reply = await desk.Relay.NextAsync();
        Assert.Contains("No pudimos conservar estos adjuntos", reply.TextBody, StringComparison.Ordinal);
        Assert.Contains("- traza completa.pcap (4.9 KB)", reply.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_automatic_reply_to_our_mail_does_not_make_us_answer_again()
    {
        await using var desk = await EmailDesk.StartAsync();
        await desk.SendAsync(EmailDesk.Message(Customer, "Falla", "Extensión: 1234"));
        var ours = await desk.Relay.NextAsync();

        var outOfOffice = EmailDesk.Reply(ours, Customer, "Estoy de vacaciones.");
        outOfOffice.Subject = "Respuesta automática: " + ours.Subject;
        outOfOffice.Headers.Add("Auto-Submitted", "auto-replied");
        await desk.SendAsync(outOfOffice);

        Assert.Single(await desk.OutboxAsync());
        Assert.Equal(2, (await desk.MessagesAsync()).Count(m => m.Direction == EmailDirection.Inbound));
    }
}
