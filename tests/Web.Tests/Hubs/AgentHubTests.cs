using System.Net.Http.Json;
using System.Threading.Channels;
using CallMyWay.Voice.Web.Api;
using CallMyWay.Voice.Web.Tests.Api;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CallMyWay.Voice.Web.Tests.Hubs;

public sealed class AgentHubTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly DeskFactory _desk = new();

    [Fact]
    public async Task Anonymous_connections_are_refused()
    {
        await using var connection = Connect(cookie: null);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => connection.StartAsync());

        Assert.Contains("401", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agents_receive_case_updates_of_their_level_in_order()
    {
        var admin = await _desk.LoggedInClientAsync();
        await CreateAgentAsync(admin, "uno@callmyway.test", "level1");
        await CreateAgentAsync(admin, "dos@callmyway.test", "level2");
        var (levelOne, levelOneUpdates) = await ConnectAsAsync("uno@callmyway.test");
        var (levelTwo, levelTwoUpdates) = await ConnectAsAsync("dos@callmyway.test");
        await using var one = levelOne;
        await using var two = levelTwo;

        var created = await (await admin.PostAsJsonAsync("/api/cases", new { kind = "inquiry", channel = "email" })).Content.ReadFromJsonAsync<CaseResponse>(Json.Options);
        await admin.PostAsJsonAsync($"/api/cases/{created!.Number}/notes", new { text = "primera nota" });
        await admin.PostAsJsonAsync($"/api/cases/{created.Number}/escalate", new { text = "needs level 2" });

        var first = await ReadAsync(levelOneUpdates);
        var second = await ReadAsync(levelOneUpdates);
        var atLevelTwo = await ReadAsync(levelTwoUpdates);
        Assert.Equal(created.Number, first.Number);
        Assert.Equal(first.History.Count + 1, second.History.Count);
        Assert.Equal("note", second.History[^1].Action);
        Assert.Equal(2, atLevelTwo.Level);
        Assert.Equal("escalated", atLevelTwo.History[^1].Action);
        Assert.False(levelTwoUpdates.TryRead(out _), "level 2 must not see level 1's traffic");
    }

    [Fact]
    public async Task Set_status_accepts_available_and_away_and_refuses_anything_else()
    {
        var (connection, _) = await ConnectAsAsync(DeskFactory.AdminEmail, DeskFactory.AdminPassword);
        await using var admin = connection;

        Assert.Equal("available", await admin.InvokeAsync<string>("SetStatus", "available"));
        var error = await Assert.ThrowsAsync<HubException>(() => admin.InvokeAsync<string>("SetStatus", "asleep"));

        Assert.Contains("available or away", error.Message, StringComparison.Ordinal);
        var presence = _desk.Services.GetRequiredService<Web.Hubs.AgentPresence>();
        Assert.Equal([DeskFactory.AdminEmail], presence.AvailableLongestIdleFirst());
    }

    [Fact]
    public async Task A_console_that_reconnects_is_sent_the_live_calls_again()
    {
        var registry = _desk.Services.GetRequiredService<Telephony.Calls.CallRegistry>();
        var now = DateTimeOffset.UtcNow;
        registry.Publish(new Telephony.Calls.CallSnapshot("call-1@test", Telephony.Calls.CallState.Queued, "+525541708422", "MX", "+525511112222", null, 1001, now, now, "phone"));
        var (first, _) = await ConnectAsAsync(DeskFactory.AdminEmail, DeskFactory.AdminPassword);
        await first.DisposeAsync();

        var login = await _desk.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = DeskFactory.AdminEmail, password = DeskFactory.AdminPassword });
        var cookie = login.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        await using var again = Connect(cookie);
        var calls = Channel.CreateUnbounded<System.Text.Json.JsonElement>();
        again.On<System.Text.Json.JsonElement>("callUpdated", c => calls.Writer.TryWrite(c));
        await again.StartAsync();

        using var timeout = new CancellationTokenSource(Patience);
        var resent = await calls.Reader.ReadAsync(timeout.Token);
        Assert.Equal("call-1@test", resent.GetProperty("callId").GetString());
        Assert.Equal("queued", resent.GetProperty("state").GetString());
        Assert.Equal(1001, resent.GetProperty("caseNumber").GetInt64());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _desk.DisposeAsync();
        _desk.DeleteDatabase();
    }

    private static async Task CreateAgentAsync(HttpClient admin, string email, string role)
    {
        var response = await admin.PostAsJsonAsync("/api/agents", new { email, displayName = email, role, password = "agent-password-long" });
        response.EnsureSuccessStatusCode();
    }

    private static async Task<CaseResponse> ReadAsync(ChannelReader<CaseResponse> updates)
    {
        using var timeout = new CancellationTokenSource(Patience);
        return await updates.ReadAsync(timeout.Token);
    }

    private async Task<(HubConnection Connection, ChannelReader<CaseResponse> Updates)> ConnectAsAsync(string email, string password = "agent-password-long")
    {
        var login = await _desk.CreateClient().PostAsJsonAsync("/api/auth/login", new { email, password });
        login.EnsureSuccessStatusCode();
        var cookie = login.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        var connection = Connect(cookie);
        var updates = Channel.CreateUnbounded<CaseResponse>();
        connection.On<CaseResponse>("caseUpdated", c => updates.Writer.TryWrite(c));
        await connection.StartAsync();
        return (connection, updates.Reader);
    }

    private HubConnection Connect(string? cookie) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(_desk.Server.BaseAddress, "/hubs/agents"), options =>
            {
                options.Transports = HttpTransportType.LongPolling;
                options.HttpMessageHandlerFactory = _ => _desk.Server.CreateHandler();
                if (cookie is not null)
                {
                    options.Headers["Cookie"] = cookie;
                }
            })
            .AddJsonProtocol(options => ApiServiceCollectionExtensions.Configure(options.PayloadSerializerOptions))
            .Build();
}
