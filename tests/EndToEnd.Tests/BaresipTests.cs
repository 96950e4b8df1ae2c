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

    [Fact]
    public async Task An_activation_from_baresip_records_the_spoken_name_and_the_recording_holds_the_phones_tone()
    {
        using var api = await fixture.Service.AdminClientAsync();
        var registrar = $"127.0.0.1:{fixture.Service.SipPort}";
        await using var phone = Baresip.Start(Path.Combine(fixture.Service.DataFolder, "baresip-activation"), "299", "unregistered-phone", registrar, ServiceProcess.FreeSipPort(), 6400);

        await phone.TypeAsync($"/dial sip:5078366060@{registrar}\n");
        Assert.True(await phone.WaitForOutputAsync("Call established", TimeSpan.FromSeconds(15)), phone.Output);
        await Task.Delay(1500);

        // 2 activation · 9001# account · 202# extension · 2 no direct number · 1 SIP · 2 no ring group, then the name.
        foreach (var key in "29001#202#212")
        {
            await phone.TypeAsync(key.ToString());
            await Task.Delay(450);
        }

        // The phone's microphone (a 440 Hz tone) speaks the name after the beep; # ends the recording.
        await Task.Delay(TimeSpan.FromSeconds(12));
        await phone.TypeAsync("#");

        JsonElement saved = default;
        for (var i = 0; i < 60 && saved.ValueKind != JsonValueKind.Object; i++)
        {
            await Task.Delay(500);
            var cases = await api.GetFromJsonAsync<JsonElement>("/api/cases?kind=activation");
            saved = cases.EnumerateArray().FirstOrDefault(c => c.GetProperty("details").GetProperty("accountId").GetString() == "9001");
        }

        Assert.True(saved.ValueKind == JsonValueKind.Object, phone.Output);
        Assert.Equal("PA", saved.GetProperty("country").GetString());
        Assert.Equal("sip", saved.GetProperty("details").GetProperty("extensionType").GetString());
        Assert.Contains("fullName", saved.GetProperty("missingInfo").EnumerateArray().Select(m => m.GetString()));
        var description = saved.GetProperty("details").GetProperty("description").GetString()!;
        var recording = description[(description.IndexOf(": ", StringComparison.Ordinal) + 2)..description.LastIndexOf(" (", StringComparison.Ordinal)];
        Assert.True(File.Exists(recording), description);
        var (toneEnergy, otherEnergy) = WaveTone.Measure(recording, 440, 1000);
        Assert.True(toneEnergy > 20 * otherEnergy, $"440 Hz {toneEnergy:0} vs 1000 Hz {otherEnergy:0}");
    }
}
