// Measures how long a call's state change takes to reach many agents' consoles: N SignalR clients connect to
// /hubs/agents as one agent, and every callUpdated message's delay is its arrival time minus the server's `at`
// (same machine, same clock). Run it while sipp places a burst of calls; it prints p50/p99/max when stopped.
//   dotnet run -c Release -- http://127.0.0.1:5000 admin@example.com 'password' 200 60
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
var clients = int.Parse(args[3], CultureInfo.InvariantCulture);
var seconds = int.Parse(args[4], CultureInfo.InvariantCulture);

var cookies = new CookieContainer();
using (var login = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = baseAddress })
{
    (await login.PostAsJsonAsync("/api/auth/login", new { email, password })).EnsureSuccessStatusCode();
}

var delays = new ConcurrentBag<double>();
var connections = new List<HubConnection>(clients);
var connectWatch = Stopwatch.StartNew();
for (var i = 0; i < clients; i++)
{
    var connection = new HubConnectionBuilder().WithUrl(new Uri(baseAddress, "/hubs/agents"), o => o.Cookies = cookies).Build();
    connection.On<JsonElement>("callUpdated", update =>
    {
        var at = update.GetProperty("at").GetDateTimeOffset();
        delays.Add((DateTimeOffset.UtcNow - at).TotalMilliseconds);
    });
    await connection.StartAsync();
    connections.Add(connection);
}

Console.WriteLine($"{clients} clients connected in {connectWatch.Elapsed.TotalSeconds:0.0} s; listening for {seconds} s");
await Task.Delay(TimeSpan.FromSeconds(seconds));
var sorted = delays.Order().ToArray();
if (sorted.Length == 0)
{
    Console.WriteLine("no callUpdated messages received");
    return 1;
}

double Percentile(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
Console.WriteLine($"messages {sorted.Length}  p50 {Percentile(0.50):0.0} ms  p99 {Percentile(0.99):0.0} ms  max {sorted[^1]:0.0} ms");
foreach (var connection in connections)
{
    await connection.DisposeAsync();
}

return 0;
