using System.Net.Http.Json;

namespace CallMyWay.Voice.EndToEnd.Tests;

/// <summary>SIP trusts only the trunk and authenticated phones (CONTRACT.md): strangers get 403, agents' phones a digest challenge.</summary>
public sealed class SourcePolicyTests(TrunkOnlyFixture fixture) : IClassFixture<TrunkOnlyFixture>
{
    [Fact]
    public async Task A_stranger_outside_the_trunk_gets_403()
    {
        var result = await Sipp.CallAsync(fixture.Service, Path.Combine(Sipp.ScenarioFolder, "uac_expect_reject.xml"), "525541708422", "15550009999", TimeSpan.FromSeconds(30), "-recv_timeout", "5000");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("FINAL 403", result.ScenarioLog, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agents_phone_outside_the_trunk_answers_the_digest_challenge_and_is_put_through()
    {
        using var api = await fixture.Service.AdminClientAsync();
        var created = await api.PostAsJsonAsync("/api/agents", new { email = "diego@callmyway.test", displayName = "Diego", role = "level2", password = "diego-password-long", extension = "305", sipPassword = "diego-phone-secret" });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());

        var result = await Sipp.CallAsync(fixture.Service, Path.Combine(Sipp.ScenarioFolder, "uac_auth.xml"), "525541708422", "305", TimeSpan.FromSeconds(30), "-au", "305", "-ap", "diego-phone-secret", "-d", "1000");
        var wrong = await Sipp.CallAsync(fixture.Service, Path.Combine(Sipp.ScenarioFolder, "uac_auth.xml"), "525541708422", "305", TimeSpan.FromSeconds(30), "-au", "305", "-ap", "not-the-secret", "-d", "1000", "-recv_timeout", "5000");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("SIP/2.0 401", result.Messages, StringComparison.Ordinal);
        Assert.Contains("SIP/2.0 200", result.Messages, StringComparison.Ordinal);
        Assert.NotEqual(0, wrong.ExitCode);
        Assert.Contains("SIP/2.0 403", wrong.Messages, StringComparison.Ordinal);
    }
}
