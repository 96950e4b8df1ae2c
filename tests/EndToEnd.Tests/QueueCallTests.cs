using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;

namespace CallMyWay.Voice.EndToEnd.Tests;

/// <summary>
/// A customer presses 0, waits in the queue, and an agent's registered soft-phone rings and answers: both hear each
/// other through the bridge, and the agent's live board follows the call from ringing to ended.
/// </summary>
public sealed class QueueCallTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    [Fact]
    public async Task Pressing_0_rings_the_available_agents_phone_and_bridges_the_call_both_ways()
    {
        var service = fixture.Service;
        using var admin = await service.AdminClientAsync();
        var created = await admin.PostAsJsonAsync("/api/agents", new { email = "ana@callmyway.test", displayName = "Ana", role = "level1", password = "ana-password-long", extension = "210", sipPassword = "ana-phone-secret" });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());

        var registrar = $"127.0.0.1:{service.SipPort}";
        await using var agentPhone = Baresip.Start(Path.Combine(service.DataFolder, "agent-phone"), "210", "ana-phone-secret", registrar, ServiceProcess.FreeSipPort(), 6500, toneHz: 660);
        Assert.True(await agentPhone.WaitForOutputAsync("200 OK", TimeSpan.FromSeconds(15)), agentPhone.Output);

        var updates = Channel.CreateUnbounded<JsonElement>();
        await using var hub = await ConnectAsync(service, "ana@callmyway.test", "ana-password-long", updates.Writer);
        Assert.Equal("available", await hub.InvokeAsync<string>("SetStatus", "available"));

        await using var customer = Baresip.Start(Path.Combine(service.DataFolder, "customer-phone"), "15550007777", "none", registrar, ServiceProcess.FreeSipPort(), 6600, toneHz: 440);
        await customer.TypeAsync($"/dial sip:525541708422@{registrar}\n");
        Assert.True(await customer.WaitForOutputAsync("Call established", TimeSpan.FromSeconds(15)), customer.Output);
        await Task.Delay(1500);
        await customer.TypeAsync("0");

        Assert.True(await agentPhone.WaitForOutputAsync("Call established", TimeSpan.FromSeconds(30)), agentPhone.Output);
        await Task.Delay(TimeSpan.FromSeconds(4));
        await customer.TypeAsync("b");
        Assert.True(await agentPhone.WaitForOutputAsync("terminated", TimeSpan.FromSeconds(15)), agentPhone.Output);

        var states = new List<string>();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (!states.Contains("ended"))
        {
            var update = await updates.Reader.ReadAsync(patience.Token);
            var state = update.GetProperty("state").GetString()!;
            if (states.Count == 0 || states[^1] != state)
            {
                states.Add(state);
            }
        }

        Assert.Equal(["ringing", "ivr", "queued", "offered", "connected", "ended"], states);
        var (agentHeardCustomer, agentHeardItself) = WaveTone.Measure(NewestDecodedRecording(Path.Combine(service.DataFolder, "agent-phone")), 440, 660);
        var (customerHeardAgent, customerHeardItself) = WaveTone.Measure(NewestDecodedRecording(Path.Combine(service.DataFolder, "customer-phone")), 660, 440);
        Assert.True(agentHeardCustomer > 10 * agentHeardItself, $"agent heard 440 Hz {agentHeardCustomer:0} vs 660 Hz {agentHeardItself:0}");
        Assert.True(customerHeardAgent > 10 * customerHeardItself, $"customer heard 660 Hz {customerHeardAgent:0} vs 440 Hz {customerHeardItself:0}");
    }

    // baresip's sndfile module writes what the phone heard as dump-<time>-dec.wav.
    private static string NewestDecodedRecording(string folder) =>
        Directory.GetFiles(folder, "*-dec.wav").OrderByDescending(File.GetLastWriteTimeUtc).First();

    private static async Task<HubConnection> ConnectAsync(ServiceProcess service, string email, string password, ChannelWriter<JsonElement> updates)
    {
        var cookies = new CookieContainer();
        using (var login = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = service.BaseAddress })
        {
            (await login.PostAsJsonAsync("/api/auth/login", new { email, password })).EnsureSuccessStatusCode();
        }

        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(service.BaseAddress, "/hubs/agents"), options => options.Cookies = cookies)
            .Build();
        connection.On<JsonElement>("callUpdated", update => updates.TryWrite(update));
        await connection.StartAsync();
        return connection;
    }
}
