// Measures web chat latency through the running service: N visitors start chats on /hubs/chat, agents' consoles
// on /hubs/agents take ten chats each while K more consoles watch, then every visitor and their agent write M
// messages each way. A message's latency is from the sender's invoke to its arrival at the other side (same machine, one
// Stopwatch). Start the service with the abuse limits raised for one IP, e.g.
//   dotnet run --project src/Web -c Release -- --Chat:StartsPerClientPerHour=100000 --Chat:MessagesPerMinute=100000 \
//       --BusinessHours:Weekdays=00:00-24:00 --BusinessHours:Weekends=00:00-24:00
//   dotnet run -c Release -- http://127.0.0.1:5000 admin@example.com 'password' 200 10 20 [interval-ms]
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

var baseAddress = new Uri(args[0]);
var email = args[1];
var password = args[2];
var chats = int.Parse(args[3], CultureInfo.InvariantCulture);
var messages = int.Parse(args[4], CultureInfo.InvariantCulture);
var watchers = int.Parse(args[5], CultureInfo.InvariantCulture);

// Milliseconds between one chat's exchanges (0: as fast as the service answers, to find its ceiling).
var interval = args.Length > 6 ? int.Parse(args[6], CultureInfo.InvariantCulture) : 0;

var adminCookies = new CookieContainer();
using var admin = new HttpClient(new HttpClientHandler { CookieContainer = adminCookies }) { BaseAddress = baseAddress };
(await admin.PostAsJsonAsync("/api/auth/login", new { email, password })).EnsureSuccessStatusCode();

// Each console is a level-1 agent of its own (created once, reused by later runs), as on a real desk.
async Task<CookieContainer> AgentCookiesAsync(string who)
{
    var agentEmail = $"{who}@bench.test";
    await admin.PostAsJsonAsync("/api/agents", new { email = agentEmail, displayName = who, role = "level1", password = "bench-agent-password" });
    var jar = new CookieContainer();
    using var login = new HttpClient(new HttpClientHandler { CookieContainer = jar }) { BaseAddress = baseAddress };
    (await login.PostAsJsonAsync("/api/auth/login", new { email = agentEmail, password = "bench-agent-password" })).EnsureSuccessStatusCode();
    return jar;
}

var clock = Stopwatch.StartNew();
var sentAt = new ConcurrentDictionary<string, double>();
var toAgent = new ConcurrentBag<double>();
var toVisitor = new ConcurrentBag<double>();
var watched = 0;

// Agents' consoles also receive the agent's own answers (every console sees every chat), so each side only
// counts the other side's messages: visitors' ids start with "v-", the agent's with "a-".
void Arrived(JsonElement message, ConcurrentBag<double> into, string prefix)
{
    if (message.TryGetProperty("clientMessageId", out var id) && id.GetString() is { } key && key.StartsWith(prefix, StringComparison.Ordinal) && sentAt.TryRemove(key, out var start))
    {
        into.Add(clock.Elapsed.TotalMilliseconds - start);
    }
}

var agents = new List<HubConnection>();
for (var i = 0; i < (chats + 9) / 10; i++)
{
    var jar = await AgentCookiesAsync($"agent{i}");
    var agent = new HubConnectionBuilder().WithUrl(new Uri(baseAddress, "/hubs/agents"), o => o.Cookies = jar).Build();
    var prefix = $"v-{i}-";
    agent.On<JsonElement>("chatMessage", m => Arrived(m, toAgent, prefix));
    await agent.StartAsync();
    agents.Add(agent);
}

var consoles = new List<HubConnection>();
for (var i = 0; i < watchers; i++)
{
    var jar = await AgentCookiesAsync($"watcher{i}");
    var console = new HubConnectionBuilder().WithUrl(new Uri(baseAddress, "/hubs/agents"), o => o.Cookies = jar).Build();
    console.On<JsonElement>("chatUpdated", _ => Interlocked.Increment(ref watched));
    await console.StartAsync();
    consoles.Add(console);
}

var visitors = new List<(HubConnection Connection, string Id, string Token)>();
for (var i = 0; i < chats; i++)
{
    var visitor = new HubConnectionBuilder().WithUrl(new Uri(baseAddress, "/hubs/chat")).Build();
    visitor.On<JsonElement>("chatMessage", m => Arrived(m, toVisitor, "a-"));
    await visitor.StartAsync();
    var started = await visitor.InvokeAsync<JsonElement>("start", new { name = $"Visitor {i}", email = $"v{i}@example.com", topic = "bench", language = "es" });
    visitors.Add((visitor, started.GetProperty("conversationId").GetString()!, started.GetProperty("token").GetString()!));
}

for (var n = 0; n < visitors.Count; n++)
{
    await agents[n / 10].InvokeAsync<JsonElement>("takeChat", visitors[n].Id);
}

var run = Stopwatch.StartNew();
await Task.WhenAll(visitors.Select(async (v, n) =>
{
    // Chats start spread over one interval, as customers write at their own pace.
    await Task.Delay(interval == 0 ? 0 : Random.Shared.Next(interval));
    for (var m = 0; m < messages; m++)
    {
        var fromVisitor = $"v-{n / 10}-{n}-{m}";
        sentAt[fromVisitor] = clock.Elapsed.TotalMilliseconds;
        await v.Connection.InvokeAsync<JsonElement>("send", v.Token, fromVisitor, $"mensaje {m}");
        var fromAgent = $"a-{n}-{m}";
        sentAt[fromAgent] = clock.Elapsed.TotalMilliseconds;
        await agents[n / 10].InvokeAsync<JsonElement>("sendChat", v.Id, fromAgent, $"respuesta {m}");
        await Task.Delay(interval);
    }
}));
var elapsed = run.Elapsed;
await Task.Delay(2000);

static string Percentiles(ConcurrentBag<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length == 0
        ? "none"
        : string.Create(CultureInfo.InvariantCulture, $"n={sorted.Length} p50={sorted[sorted.Length / 2]:0.0} ms p99={sorted[(int)(sorted.Length * 0.99)]:0.0} ms max={sorted[^1]:0.0} ms");
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{chats} chats x {messages} messages each way in {elapsed.TotalSeconds:0.0} s ({2.0 * chats * messages / elapsed.TotalSeconds:0} messages/s stored and delivered); {agents.Count} agents' consoles, {watchers} more consoles received {watched} queue updates"));
Console.WriteLine("visitor -> agent: " + Percentiles(toAgent));
Console.WriteLine("agent -> visitor: " + Percentiles(toVisitor));
Console.WriteLine($"lost: {sentAt.Count}");
foreach (var c in consoles)
{
    await c.DisposeAsync();
}

foreach (var v in visitors)
{
    await v.Connection.DisposeAsync();
}

foreach (var a in agents)
{
    await a.DisposeAsync();
}
