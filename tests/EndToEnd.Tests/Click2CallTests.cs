using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CallMyWay.Voice.EndToEnd.Tests;

/// <summary>A service whose trunk is a sipp carrier on this machine, open all day, so Click2Call dials at once.</summary>
public sealed class TrunkFixture : ServiceFixture
{
    public int TrunkPort { get; } = ServiceProcess.FreeSipPort();

    protected override IDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Trunk:Host"] = "127.0.0.1",
        ["Trunk:Port"] = TrunkPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Trunk:Username"] = "trunkuser",
        ["Trunk:Password"] = "s3cret",
        ["BusinessHours:Weekdays"] = "00:00-23:59",
        ["BusinessHours:Weekends"] = "00:00-23:59",
    };
}

/// <summary>A visitor asks to be called: the desk dials them through the carrier, answering its digest challenge.</summary>
public sealed class Click2CallTests(TrunkFixture fixture) : IClassFixture<TrunkFixture>
{
    [Fact]
    public async Task A_click2call_request_dials_the_visitor_through_the_trunk_with_digest_and_the_ivr_answers_them()
    {
        var carrier = Sipp.AnswerAsync(fixture.Service.DataFolder, Path.Combine(Sipp.ScenarioFolder, "uas_auth.xml"), fixture.TrunkPort, TimeSpan.FromSeconds(90), "-key", "authuser", "trunkuser", "-key", "authpass", "s3cret");
        await Task.Delay(500);
        using var visitor = new HttpClient { BaseAddress = fixture.Service.BaseAddress };

        var response = await visitor.PostAsJsonAsync("/api/click2call", new { phone = "+52 55 1234 5678", name = "Visitante", reason = "No tengo tono" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("dialing", accepted.GetProperty("status").GetString());
        var id = accepted.GetProperty("id").GetString();

        // The IVR greets the visitor; nobody presses keys, so after its tries it says goodbye and hangs up.
        var result = await carrier;
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("auth valid=true", result.ScenarioLog, StringComparison.Ordinal);
        Assert.Contains("INVITE sip:+525512345678@127.0.0.1", result.Messages, StringComparison.Ordinal);
        Assert.Contains("Authorization: Digest", result.Messages, StringComparison.Ordinal);
        var status = await visitor.GetFromJsonAsync<JsonElement>($"/api/click2call/{id}");
        Assert.Equal("answered", status.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("+44 20 7946 0958", HttpStatusCode.Forbidden)]
    [InlineData("+1 900 555 0123", HttpStatusCode.BadRequest)]
    [InlineData("call me", HttpStatusCode.BadRequest)]
    public async Task Numbers_the_desk_must_not_dial_are_refused(string phone, HttpStatusCode expected)
    {
        using var visitor = new HttpClient { BaseAddress = fixture.Service.BaseAddress };

        var response = await visitor.PostAsJsonAsync("/api/click2call", new { phone });

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
