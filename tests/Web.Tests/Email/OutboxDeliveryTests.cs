using CallMyWay.Voice.Web.Email.Outbound;
using Microsoft.Extensions.DependencyInjection;

namespace CallMyWay.Voice.Web.Tests.Email;

/// <summary>The durable outbox against a relay that is down, comes back, or refuses.</summary>
public sealed class OutboxDeliveryTests
{
    private const string Customer = "ana.perez@cliente.example";

    [Fact]
    public async Task While_the_relay_is_down_mail_waits_with_growing_back_off_and_is_delivered_once_when_it_returns()
    {
        await using var desk = await EmailDesk.StartAsync(relayUp: false);
        await desk.SendAsync(EmailDesk.Message(Customer, "Falla", "Extensión: 1234"));
        await desk.SendAsync(EmailDesk.Message("luis@otro.example", "Otra falla", "Extensión: 55"));

        // First attempt at once: refused connection, both retried 30 s later.
        await WaitForAsync(desk, rows => rows.All(r => r.Attempts == 1), "the first failed attempt");
        var first = await desk.OutboxAsync();
        Assert.All(first, r => Assert.Equal(OutboxStatus.Queued, r.Status));
        Assert.All(first, r => Assert.Equal(EmailDesk.Start + TimeSpan.FromSeconds(30), r.NextAttemptAt));
        Assert.All(first, r => Assert.Contains("relay 127.0.0.1", r.LastError, StringComparison.Ordinal));

        // Second failure doubles the wait.
        await AsleepUntilAsync(desk, EmailDesk.Start + TimeSpan.FromSeconds(30));
        desk.Time.Advance(TimeSpan.FromSeconds(30));
        await WaitForAsync(desk, rows => rows.All(r => r.Attempts == 2), "the second failed attempt");
        Assert.All(await desk.OutboxAsync(), r => Assert.Equal(EmailDesk.Start + TimeSpan.FromSeconds(30 + 60), r.NextAttemptAt));

        // Nothing is tried before the wait is over.
        await AsleepUntilAsync(desk, EmailDesk.Start + TimeSpan.FromSeconds(90));
        desk.Time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(EmailDesk.Start + TimeSpan.FromSeconds(90), await Sender(desk).DeliverDueAsync(CancellationToken.None));
        Assert.All(await desk.OutboxAsync(), r => Assert.Equal(2, r.Attempts));

        await desk.Relay.ListenAsync();
        desk.Time.Advance(TimeSpan.FromSeconds(1));
        var delivered = new[] { await desk.Relay.NextAsync(), await desk.Relay.NextAsync() };
        await WaitForAsync(desk, rows => rows.All(r => r.Status == OutboxStatus.Sent), "both marked sent");

        var rows = await desk.OutboxAsync();
        Assert.All(rows, r => Assert.Equal(3, r.Attempts));
        Assert.All(rows, r => Assert.Null(r.LastError));
        Assert.Equal(rows.Select(r => r.MessageId).Order(), delivered.Select(m => m.MessageId).Order());

        // Much later, and after another look, still once each.
        desk.Time.Advance(TimeSpan.FromHours(3));
        Assert.Null(await Sender(desk).DeliverDueAsync(CancellationToken.None));
        Assert.Equal(2, desk.Relay.All.Count);
    }

    [Fact]
    public async Task A_message_the_relay_refuses_for_good_is_not_retried()
    {
        var relayPort = FreePort.Next();
        await using var relay = await CapturingRelay.StartAsync(relayPort, refusedRecipient: "gone@cliente.example");
        await using var desk = await EmailDesk.StartAsync(new Dictionary<string, string?> { ["Email:Outbound:Port"] = relayPort.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        await desk.SendAsync(EmailDesk.Message("gone@cliente.example", "Falla", "Extensión: 1"));
        await desk.SendAsync(EmailDesk.Message(Customer, "Falla", "Extensión: 2"));

        Assert.Equal(Customer, (await relay.NextAsync()).To.Mailboxes.Single().Address);
        await WaitForAsync(desk, rows => rows.All(r => r.Status != OutboxStatus.Queued), "both settled");
        var refused = Assert.Single(await desk.OutboxAsync(), r => r.ToAddress == "gone@cliente.example");
        Assert.Equal(OutboxStatus.Undeliverable, refused.Status);
        Assert.StartsWith("550", refused.LastError, StringComparison.Ordinal);
        Assert.Equal(1, refused.Attempts);
    }

    [Fact]
    public async Task Mail_keeps_its_message_id_from_enqueue_to_delivery()
    {
        await using var desk = await EmailDesk.StartAsync();
        await desk.SendAsync(EmailDesk.Message(Customer, "Falla", "Extensión: 1234"));

        var delivered = await desk.Relay.NextAsync();

        var row = Assert.Single(await desk.OutboxAsync());
        Assert.Equal(row.MessageId, delivered.MessageId);
        Assert.Contains(await desk.MessagesAsync(), m => m.MessageId == row.MessageId && m.Direction == Web.Email.Threading.EmailDirection.Outbound);
    }

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(7, 1920)]
    [InlineData(8, 3600)]
    [InlineData(60, 3600)]
    public void Back_off_doubles_from_the_first_wait_up_to_the_cap(int failedAttempts, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), RetrySchedule.After(failedAttempts, TimeSpan.FromSeconds(30), TimeSpan.FromHours(1)));

    /// <summary>The sender has armed its timer on the fake clock; advancing now cannot slip past it.</summary>
    private static Task AsleepUntilAsync(EmailDesk desk, DateTimeOffset until) =>
        Eventually.TrueAsync(() => Task.FromResult(Sender(desk).SleepingUntil == until), $"the sender to sleep until {until:HH:mm:ss}");

    private static OutboxSender Sender(EmailDesk desk) => desk.Services.GetRequiredService<OutboxSender>();

    private static Task WaitForAsync(EmailDesk desk, Func<IReadOnlyList<OutboxEmail>, bool> condition, string what) =>
        Eventually.TrueAsync(async () => condition(await desk.OutboxAsync()), what);
}
