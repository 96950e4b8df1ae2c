using System.Net.Http.Json;
using System.Text.Json;

namespace CallMyWay.Voice.EndToEnd.Tests;

/// <summary>A real soft-phone: an agent's baresip registers with digest, then calls a DID and reports an incident by keys.</summary>
public sealed class BaresipTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    [Fact]
    public async Task Baresip_registers_with_digest_and_calls_in_to_report_an_incident()
    {
        using var api = await fixture.Service.AdminClientAsync();
        var created = await api.PostAsJsonAsync("/api/agents", new
        {
            email = "carla@callmyway.test",
            displayName = "Carla",
            role = "level1",
            password = "carla-password-long",
            extension = "201",
            sipPassword = "softphone-secret-201",
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());

        var registrar = $"127.0.0.1:{fixture.Service.SipPort}";
        await using var phone = Baresip.Start(Path.Combine(fixture.Service.DataFolder, "baresip"), "201", "softphone-secret-201", registrar, ServiceProcess.FreeSipPort(), 6300);

        Assert.True(await phone.WaitForOutputAsync("200 OK", TimeSpan.FromSeconds(15)), phone.Output);
        var agents = await api.GetFromJsonAsync<JsonElement>("/api/agents");
        var carla = agents.EnumerateArray().Single(a => a.GetProperty("email").GetString() == "carla@callmyway.test");
        var registration = Assert.Single(carla.GetProperty("registrations").EnumerateArray());
        Assert.Contains("baresip", registration.GetProperty("userAgent").GetString(), StringComparison.OrdinalIgnoreCase);

        await phone.TypeAsync($"/dial sip:525541708422@{registrar}\n");
        Assert.True(await phone.WaitForOutputAsync("Call established", TimeSpan.FromSeconds(15)), phone.Output);
        await Task.Delay(1500);
        // 1 incident · 201# · 2 outbound · 5598765432# · # now · 2 several users · 1 not working → S1.
        foreach (var key in "1201#25598765432##21")
        {
            await phone.TypeAsync(key.ToString());
            await Task.Delay(450);
        }

        JsonElement saved = default;
        for (var i = 0; i < 60 && saved.ValueKind != JsonValueKind.Object; i++)
        {
            await Task.Delay(500);
            var cases = await api.GetFromJsonAsync<JsonElement>("/api/cases?kind=incident");
            saved = cases.EnumerateArray().FirstOrDefault(c => c.GetProperty("details").GetProperty("extension").GetString() == "201");
        }

        Assert.True(saved.ValueKind == JsonValueKind.Object, phone.Output);
        Assert.Equal("outbound", saved.GetProperty("details").GetProperty("direction").GetString());
        Assert.Equal("5598765432", saved.GetProperty("details").GetProperty("counterpartNumber").GetString());
        Assert.Equal("S1", saved.GetProperty("severity").GetString());
    }
}
