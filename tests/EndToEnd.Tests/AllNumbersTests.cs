using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace CallMyWay.Voice.EndToEnd.Tests;

/// <summary>Every desk number answers with the IVR: eight callers at once walk the incident menu and each case carries its DID.</summary>
public sealed class AllNumbersTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    [Fact]
    public async Task Each_of_the_eight_dids_takes_an_incident_by_rfc4733_with_every_field_right()
    {
        var numbers = await (await fixture.Service.AdminClientAsync()).GetFromJsonAsync<JsonElement>("/api/numbers");
        var dids = numbers.EnumerateArray().Select(n => (Number: n.GetProperty("number").GetString()!, Country: n.GetProperty("country").GetString()!, Language: n.GetProperty("language").GetString()!)).ToList();
        Assert.Equal(8, dids.Count);

        // 1 incident · 4<i># extension · 1 inbound · 2222<i># counterpart · # now · 1 one user · 2 seriously affected → S3.
        var calls = dids.Select(async (did, i) =>
        {
            var caller = "1555040000" + i.ToString(CultureInfo.InvariantCulture);
            var scenario = await Sipp.GenerateCallerAsync(fixture.Service.DataFolder, "rfc4733", $"14{i}#12222{i}##12", holdMs: 60000, caller);
            return await Sipp.CallAsync(fixture.Service, scenario, did.Number.TrimStart('+'), caller, TimeSpan.FromSeconds(150));
        }).ToList();
        var results = await Task.WhenAll(calls);

        using var api = await fixture.Service.AdminClientAsync();
        for (var i = 0; i < dids.Count; i++)
        {
            Assert.True(results[i].ExitCode == 0, $"{dids[i].Number}: {results[i]}");
            var cases = await api.GetFromJsonAsync<JsonElement>($"/api/cases?caller=1555040000{i}");
            var saved = Assert.Single(cases.EnumerateArray());
            Assert.Equal(dids[i].Number, saved.GetProperty("did").GetString());
            Assert.Equal(dids[i].Country, saved.GetProperty("country").GetString());
            Assert.Equal(dids[i].Language, saved.GetProperty("language").GetString());
            Assert.Equal("incident", saved.GetProperty("kind").GetString());
            Assert.Equal("S3", saved.GetProperty("severity").GetString());
            Assert.Equal("one", saved.GetProperty("affectedUsers").GetString());
            Assert.Equal(2, saved.GetProperty("interruption").GetInt32());
            var details = saved.GetProperty("details");
            Assert.Equal($"4{i}", details.GetProperty("extension").GetString());
            Assert.Equal("inbound", details.GetProperty("direction").GetString());
            Assert.Equal($"2222{i}", details.GetProperty("counterpartNumber").GetString());
            Assert.True(details.GetProperty("occurredAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-10));
        }
    }

    [Fact]
    public async Task A_status_call_looks_up_an_existing_case_and_the_live_board_shows_it()
    {
        using var api = await fixture.Service.AdminClientAsync();
        var created = await api.PostAsJsonAsync("/api/cases", new { kind = "inquiry", channel = "email", callerNumber = "+525500001111" });
        var number = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetInt64();
        var scenario = await Sipp.GenerateCallerAsync(fixture.Service.DataFolder, "info", $"3{number}#", holdMs: 20000, "15550000501");

        var call = Sipp.CallAsync(fixture.Service, scenario, "525541708422", "15550000501", TimeSpan.FromSeconds(60));
        long? seen = null;
        for (var i = 0; i < 80 && seen is null && !call.IsCompleted; i++)
        {
            await Task.Delay(250);
            var live = await api.GetFromJsonAsync<JsonElement>("/api/calls");
            seen = live.EnumerateArray().Select(c => c.GetProperty("caseNumber")).Where(n => n.ValueKind == JsonValueKind.Number).Select(n => (long?)n.GetInt64()).FirstOrDefault();
        }

        await call;
        Assert.Equal(number, seen);
    }
}
