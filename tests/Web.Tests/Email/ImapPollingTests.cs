using System.Globalization;
using CallMyWay.Voice.Web.Email.Inbound;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CallMyWay.Voice.Web.Tests.Email;

/// <summary>The IMAP alternative feeds the same intake as the listener.</summary>
public sealed class ImapPollingTests
{
    [Fact]
    public async Task Unseen_messages_are_taken_in_marked_seen_and_taken_once()
    {
        await using var imap = new FakeImapServer("soporte", "s3creta", """
            From: Ana Pérez <ana.perez@cliente.example>
            To: sosporte24@callmyway.com
            Subject: Falla en llamadas
            Message-ID: <imap-1@cliente.example>
            Content-Type: text/plain; charset=utf-8

            Extensión: 1234
            """, """
            From: Mail Delivery System <mailer-daemon@cliente.example>
            To: sosporte24@callmyway.com
            Subject: Undelivered Mail Returned to Sender
            Message-ID: <imap-2@cliente.example>
            Return-Path: <>
            Content-Type: text/plain

            mailbox full
            """);
        await using var desk = await EmailDesk.StartAsync(new Dictionary<string, string?>
        {
            ["Email:Imap:Host"] = "127.0.0.1",
            ["Email:Imap:Port"] = imap.Port.ToString(CultureInfo.InvariantCulture),
            ["Email:Imap:Security"] = "None",
            ["Email:Imap:Username"] = imap.Username,
            ["Email:Imap:Password"] = imap.Password,
        });
        var poller = desk.Services.GetServices<IHostedService>().OfType<ImapPoller>().Single();

        // The poller's first look runs at start; a second look finds nothing new.
        await Eventually.TrueAsync(() => Task.FromResult(imap.Seen.Count == 2), "both messages marked seen");
        Assert.Equal(0, await poller.PollAsync(CancellationToken.None));

        var opened = await desk.OnlyCaseAsync();
        Assert.Equal("ana.perez@cliente.example", opened.CallerEmail);
        Assert.Equal("1234", opened.Details.Extension);
        var reply = await desk.Relay.NextAsync();
        Assert.Equal($"[Caso #{opened.Number}] Falla en llamadas", reply.Subject);
        Assert.Single(await desk.OutboxAsync());
        Assert.Contains(await desk.MessagesAsync(), m => m.MessageId == "imap-2@cliente.example" && m.Outcome == "automated");
    }
}
