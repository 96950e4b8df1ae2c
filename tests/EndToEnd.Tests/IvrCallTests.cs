using System.Net.Http.Json;
using System.Text.Json;

namespace CallMyWay.Voice.EndToEnd.Tests;

/// <summary>Whole IVR calls from sipp: an activation, an English caller, and the same flows as the hours and the database change.</summary>
public sealed class IvrCallTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task An_activation_by_sip_info_is_saved_with_what_is_still_missing()
    {
        // 2 activation · 7788# account · 201# extension · 1 direct number · 2 Teams · 2 no ring group · # ends the (silent) name.
        var scenario = await Sipp.GenerateCallerAsync(fixture.Service.DataFolder, "info", "27788#201#122#", holdMs: 60000, "15550000101");

        var result = await Sipp.CallAsync(fixture.Service, scenario, "+50640004000", "15550000101", Limit);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var api = await fixture.Service.AdminClientAsync();
        var saved = Assert.Single((await api.GetFromJsonAsync<JsonElement>("/api/cases?caller=15550000101")).EnumerateArray());
        Assert.Equal("activation", saved.GetProperty("kind").GetString());
        Assert.Equal("CR", saved.GetProperty("country").GetString());
        Assert.Equal("awaitingInfo", saved.GetProperty("status").GetString());
        var details = saved.GetProperty("details");
        Assert.Equal("7788", details.GetProperty("accountId").GetString());
        Assert.Equal("201", details.GetProperty("extension").GetString());
        Assert.True(details.GetProperty("directNumber").GetBoolean());
        Assert.Equal("teams", details.GetProperty("extensionType").GetString());
        var missing = saved.GetProperty("missingInfo").EnumerateArray().Select(m => m.GetString()).ToList();
        Assert.Contains("fullName", missing);
        Assert.Contains("teamsEmail", missing);
        Assert.DoesNotContain("ringGroup", missing);
    }

    [Fact]
    public async Task A_caller_of_the_us_number_is_served_in_english()
    {
        // 1 incident · 300# · 2 outbound · 3055550100# · # now · 1 one user · 4 no impact → S4.
        var scenario = await Sipp.GenerateCallerAsync(fixture.Service.DataFolder, "rfc4733", "1300#23055550100##14", holdMs: 45000, "15550000102");

        var result = await Sipp.CallAsync(fixture.Service, scenario, "13056445535", "15550000102", Limit);

        Assert.True(result.ExitCode == 0, result.ToString());
        using var api = await fixture.Service.AdminClientAsync();
        var saved = Assert.Single((await api.GetFromJsonAsync<JsonElement>("/api/cases?caller=15550000102")).EnumerateArray());
        Assert.Equal("en", saved.GetProperty("language").GetString());
        Assert.Equal("US", saved.GetProperty("country").GetString());
        Assert.Equal("S4", saved.GetProperty("severity").GetString());
        Assert.Equal("outbound", saved.GetProperty("details").GetProperty("direction").GetString());
    }
}

/// <summary>The closed-hours menu: pressing 0 books a callback for the next opening.</summary>
public sealed class ClosedHoursCallTests(ClosedHoursFixture fixture) : IClassFixture<ClosedHoursFixture>
{
    [Fact]
    public async Task Out_of_hours_pressing_0_then_1_opens_a_callback_case_for_the_caller()
    {
        var scenario = await Sipp.GenerateCallerAsync(fixture.Service.DataFolder, "rfc4733", "01", holdMs: 60000, "15550000201");

        var result = await Sipp.CallAsync(fixture.Service, scenario, "5715189663", "15550000201", TimeSpan.FromSeconds(120));

        Assert.True(result.ExitCode == 0, result.ToString());
        using var api = await fixture.Service.AdminClientAsync();
        var hours = await api.GetFromJsonAsync<JsonElement>("/api/hours");
        Assert.False(hours.GetProperty("open").GetBoolean());
        var saved = Assert.Single((await api.GetFromJsonAsync<JsonElement>("/api/cases?caller=15550000201")).EnumerateArray());
        Assert.Equal("callback", saved.GetProperty("kind").GetString());
        Assert.Equal("CO", saved.GetProperty("country").GetString());
    }
}

/// <summary>Nothing is lost when the database goes away in the middle of a call.</summary>
public sealed class DatabaseOutageCallTests(UnpooledDatabaseFixture fixture) : IClassFixture<UnpooledDatabaseFixture>
{
    [Fact]
    public async Task A_case_reported_while_the_database_is_down_is_written_when_it_returns()
    {
        using var api = await fixture.Service.AdminClientAsync();
        var away = fixture.DatabasePath + ".away";
        File.Move(fixture.DatabasePath, away);
        Directory.CreateDirectory(fixture.DatabasePath);
        SippResult result;
        try
        {
            var scenario = await Sipp.GenerateCallerAsync(fixture.Service.DataFolder, "info", "1101#15512345678##31", holdMs: 60000, "15550000301");
            result = await Sipp.CallAsync(fixture.Service, scenario, "5116409850", "15550000301", TimeSpan.FromSeconds(120));
            Assert.Single(Directory.GetFiles(Path.Combine(fixture.Service.DataFolder, "outbox"), "*.json"));
        }
        finally
        {
            Directory.Delete(fixture.DatabasePath);
            File.Move(away, fixture.DatabasePath);
        }

        Assert.True(result.ExitCode == 0, result.ToString());
        JsonElement saved = default;
        for (var i = 0; i < 60 && saved.ValueKind != JsonValueKind.Object; i++)
        {
            await Task.Delay(500);
            var cases = await api.GetFromJsonAsync<JsonElement>("/api/cases?caller=15550000301");
            saved = cases.GetArrayLength() == 1 ? cases[0] : default;
        }

        Assert.Equal(JsonValueKind.Object, saved.ValueKind);
        Assert.Equal("incident", saved.GetProperty("kind").GetString());
        Assert.Equal("PE", saved.GetProperty("country").GetString());

        // The outbox file goes only after its case is saved, a moment after the case shows in the API.
        var outbox = Path.Combine(fixture.Service.DataFolder, "outbox");
        for (var i = 0; i < 40 && Directory.GetFiles(outbox, "*.json").Length > 0; i++)
        {
            await Task.Delay(250);
        }

        Assert.Empty(Directory.GetFiles(outbox, "*.json"));
        Assert.Single((await api.GetFromJsonAsync<JsonElement>("/api/cases?caller=15550000301")).EnumerateArray());
    }
}
