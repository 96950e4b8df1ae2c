using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Web.Api;

namespace CallMyWay.Voice.Web.Tests.Api;

public sealed class CaseApiTests : IDisposable
{
    private readonly DeskFactory _desk = new();

    private static object CompleteIncident(string caller = "+525512345678") => new
    {
        kind = "incident",
        channel = "phone",
        callerNumber = caller,
        did = "+525541708422",
        details = new { extension = "101", direction = "outbound", counterpartNumber = "+525598765432", occurredAt = "2026-11-26T10:00:00-06:00" },
        affectedUsers = "all",
        interruption = 1,
    };

    [Fact]
    public async Task A_complete_incident_opens_with_number_severity_country_and_due_times()
    {
        var client = await _desk.LoggedInClientAsync();

        var response = await client.PostAsJsonAsync("/api/cases", CompleteIncident());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<CaseResponse>(Json.Options);
        Assert.NotNull(created);
        Assert.True(created.Number >= 1001);
        Assert.Equal($"/api/cases/{created.Number}", response.Headers.Location?.ToString());
        Assert.Equal(CaseStatus.Open, created.Status);
        Assert.Equal(Domain.Sla.Severity.S1, created.Severity);
        Assert.Equal("MX", created.Country);
        Assert.Equal("es", created.Language);
        Assert.Empty(created.MissingInfo);
        Assert.NotNull(created.Sla.AttentionDue);
        Assert.Equal(TimeSpan.FromHours(2), created.Sla.ResolutionDue!.Value - created.Sla.AttentionDue!.Value);
    }

    [Fact]
    public async Task Json_uses_the_contract_vocabulary()
    {
        var client = await _desk.LoggedInClientAsync();
        var response = await client.PostAsJsonAsync("/api/cases", new { kind = "activation", channel = "click2call", details = new { extensionType = "teams" } });
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal("activation", json.GetProperty("kind").GetString());
        Assert.Equal("click2call", json.GetProperty("channel").GetString());
        Assert.Equal("awaitingInfo", json.GetProperty("status").GetString());
        Assert.Equal("S4", json.GetProperty("severity").GetString());
        Assert.Equal(1, json.GetProperty("level").GetInt32());
        Assert.Equal("teams", json.GetProperty("details").GetProperty("extensionType").GetString());
        var missing = json.GetProperty("missingInfo").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(["accountId", "fullName", "extension", "directNumber", "teamsEmail", "ringGroup"], missing);
        Assert.EndsWith("-06:00", json.GetProperty("createdAt").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_hundred_parallel_creations_get_two_hundred_distinct_increasing_numbers()
    {
        var client = await _desk.LoggedInClientAsync();

        var tasks = Enumerable.Range(0, 200).Select(async i =>
        {
            var response = await client.PostAsJsonAsync("/api/cases", new { kind = "inquiry", channel = "email", callerNumber = $"+52551000{i:0000}" });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<CaseResponse>(Json.Options))!.Number;
        });
        var numbers = await Task.WhenAll(tasks);

        Assert.Equal(200, numbers.Distinct().Count());
        Assert.Equal(1001, numbers.Min());
        Assert.Equal(1200, numbers.Max());
        var listed = await client.GetFromJsonAsync<List<CaseResponse>>("/api/cases", Json.Options);
        Assert.Equal(numbers.OrderDescending(), listed!.Select(c => c.Number));
    }

    [Fact]
    public async Task A_case_survives_a_restart_of_the_host()
    {
        long number;
        using (var first = new DeskFactory(_desk.DatabasePath))
        {
            var client = await first.LoggedInClientAsync();
            var response = await client.PostAsJsonAsync("/api/cases", CompleteIncident());
            number = (await response.Content.ReadFromJsonAsync<CaseResponse>(Json.Options))!.Number;
            await client.PostAsJsonAsync($"/api/cases/{number}/notes", new { text = "Llamó el cliente", @public = false });
        }

        using var second = new DeskFactory(_desk.DatabasePath);
        var again = await second.LoggedInClientAsync();
        var found = await again.GetFromJsonAsync<CaseResponse>($"/api/cases/{number}", Json.Options);

        Assert.NotNull(found);
        Assert.Equal("101", found.Details.Extension);
        Assert.Contains(found.History, h => h.Action == "note" && h.Detail == "Llamó el cliente");
        var next = await again.PostAsJsonAsync("/api/cases", CompleteIncident());
        Assert.Equal(number + 1, (await next.Content.ReadFromJsonAsync<CaseResponse>(Json.Options))!.Number);
    }

    [Fact]
    public async Task The_whole_lifecycle_runs_through_the_api_and_illegal_moves_get_409()
    {
        var client = await _desk.LoggedInClientAsync();
        var number = (await (await client.PostAsJsonAsync("/api/cases", CompleteIncident())).Content.ReadFromJsonAsync<CaseResponse>(Json.Options))!.Number;

        var closeTooEarly = await client.PostAsJsonAsync($"/api/cases/{number}/confirm", new { text = "cliente confirmó" });
        Assert.Equal(HttpStatusCode.Conflict, closeTooEarly.StatusCode);
        Assert.Contains("open", (await closeTooEarly.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        Assert.Equal(CaseStatus.InProgress, (await Act(client, number, "assign", new { })).Status);
        var escalated = await Act(client, number, "escalate", new { text = "needs carrier traces" });
        Assert.Equal(2, escalated.Level);
        Assert.Equal(Domain.Sla.Severity.S2, (await Act(client, number, "severity", new { severity = "S2", reason = "workaround found" })).Severity);
        Assert.Equal(CaseStatus.Resolved, (await Act(client, number, "resolve", new { text = "Trunk codec fixed" })).Status);
        var closed = await Act(client, number, "confirm", new { text = "Customer confirmed by phone" });

        Assert.Equal(CaseStatus.Closed, closed.Status);
        Assert.Equal(
            ["created", "status", "assigned", "status", "escalated", "severity", "status", "resolved", "status", "confirmed"],
            closed.History.Select(h => h.Action));
        Assert.All(closed.History.Skip(2), h => Assert.Equal(DeskFactory.AdminEmail, h.Actor));
        var reopen = await client.PostAsJsonAsync($"/api/cases/{number}/reopen", new { text = "still broken" });
        Assert.Equal(HttpStatusCode.Conflict, reopen.StatusCode);
    }

    [Fact]
    public async Task Filters_find_cases_by_caller_in_any_format_status_and_kind()
    {
        var client = await _desk.LoggedInClientAsync();
        await client.PostAsJsonAsync("/api/cases", CompleteIncident("+52 55 1111 2222"));
        await client.PostAsJsonAsync("/api/cases", new { kind = "inquiry", channel = "email", callerNumber = "+525511112222" });
        await client.PostAsJsonAsync("/api/cases", new { kind = "inquiry", channel = "email", callerNumber = "+13055550000" });

        var byCaller = await client.GetFromJsonAsync<List<CaseResponse>>("/api/cases?caller=525511112222", Json.Options);
        var byKind = await client.GetFromJsonAsync<List<CaseResponse>>("/api/cases?kind=inquiry&caller=%2B525511112222", Json.Options);
        var open = await client.GetFromJsonAsync<List<CaseResponse>>("/api/cases?status=open", Json.Options);
        var closed = await client.GetFromJsonAsync<List<CaseResponse>>("/api/cases?status=closed", Json.Options);
        var byDid = await client.GetFromJsonAsync<List<CaseResponse>>("/api/cases?did=525541708422", Json.Options);

        Assert.Equal(2, byCaller!.Count);
        Assert.Single(byKind!);
        Assert.Equal(3, open!.Count);
        Assert.Empty(closed!);
        Assert.Single(byDid!);
    }

    [Theory]
    [InlineData("{bad json", "JSON body is not valid")]
    [InlineData("{\"kind\":\"incidnt\",\"channel\":\"phone\"}", "$.kind")]
    [InlineData("{\"kind\":\"incident\",\"channel\":\"phone\",\"interruption\":7}", "Interruption goes from 1")]
    [InlineData("{\"kind\":\"incident\",\"channel\":\"phone\",\"did\":\"+4930123456\"}", "not one of the desk's numbers")]
    [InlineData("{\"channel\":\"phone\"}", "what kind of case")]
    [InlineData("{\"kind\":\"incident\",\"channel\":\"phone\",\"callerNumber\":\"call me maybe\"}", "phone number")]
    [InlineData("{\"kind\":\"incident\",\"channel\":\"phone\",\"severity\":\"S9\"}", "$.severity")]
    [InlineData("[]", "JSON body is not valid")]
    public async Task Bad_input_gets_a_400_problem_that_says_what_is_wrong(string body, string expected)
    {
        var client = await _desk.LoggedInClientAsync();

        var response = await client.PostAsync("/api/cases", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/cases/12ab", HttpStatusCode.BadRequest)]
    [InlineData("/api/cases/999999", HttpStatusCode.NotFound)]
    [InlineData("/api/cases?status=lost", HttpStatusCode.BadRequest)]
    public async Task Bad_lookups_get_problems_not_500(string path, HttpStatusCode expected)
    {
        var client = await _desk.LoggedInClientAsync();

        var response = await client.GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Actions_on_unknown_cases_get_404_and_empty_texts_get_400()
    {
        var client = await _desk.LoggedInClientAsync();
        var number = (await (await client.PostAsJsonAsync("/api/cases", CompleteIncident())).Content.ReadFromJsonAsync<CaseResponse>(Json.Options))!.Number;

        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/api/cases/98765/escalate", new { text = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync($"/api/cases/{number}/escalate", new { text = " " })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync($"/api/cases/{number}/escalate", new StringContent("{", Encoding.UTF8, "application/json"))).StatusCode);
    }

    private static async Task<CaseResponse> Act(HttpClient client, long number, string action, object body)
    {
        var response = await client.PostAsJsonAsync($"/api/cases/{number}/{action}", body);
        Assert.True(response.IsSuccessStatusCode, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<CaseResponse>(Json.Options))!;
    }

    public void Dispose()
    {
        _desk.Dispose();
        _desk.DeleteDatabase();
    }
}
