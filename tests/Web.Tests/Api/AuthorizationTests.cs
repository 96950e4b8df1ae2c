using System.Net;
using System.Net.Http.Json;

namespace CallMyWay.Voice.Web.Tests.Api;

public sealed class AuthorizationTests : IDisposable
{
    private readonly DeskFactory _desk = new();

    [Theory]
    [InlineData("GET", "/api/cases")]
    [InlineData("GET", "/api/cases/1001")]
    [InlineData("POST", "/api/cases")]
    [InlineData("POST", "/api/cases/1001/resolve")]
    [InlineData("GET", "/api/agents")]
    [InlineData("GET", "/api/auth/me")]
    public async Task Anonymous_calls_to_agent_endpoints_get_401(string method, string path)
    {
        var client = _desk.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = JsonContent.Create(new { kind = "inquiry", channel = "email" });
        }

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Wrong_password_gets_401_problem_and_no_cookie()
    {
        var client = _desk.CreateClient();

        var response = await client.PostAsJsonAsync("/api/auth/login", new { email = DeskFactory.AdminEmail, password = "wrong-password-123" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/cases")).StatusCode);
    }

    [Fact]
    public async Task Logged_in_agent_reads_cases_and_logout_ends_the_session()
    {
        var client = await _desk.LoggedInClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/cases")).StatusCode);
        var me = await client.GetFromJsonAsync<Dictionary<string, object?>>("/api/auth/me");
        Assert.Equal(DeskFactory.AdminEmail, me!["email"]?.ToString());

        await client.PostAsync("/api/auth/logout", null);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/cases")).StatusCode);
    }

    [Fact]
    public async Task Level_1_agent_cannot_manage_agents_but_admin_creates_them()
    {
        var admin = await _desk.LoggedInClientAsync();
        var created = await admin.PostAsJsonAsync("/api/agents", new { email = "ana@callmyway.test", displayName = "Ana", role = "level1", password = "ana-password-long", extension = "201" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var ana = await _desk.LoggedInClientAsync("ana@callmyway.test", "ana-password-long");

        Assert.Equal(HttpStatusCode.Forbidden, (await ana.GetAsync("/api/agents")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ana.GetAsync("/api/cases")).StatusCode);
    }

    [Fact]
    public async Task Agent_with_a_short_password_or_taken_extension_is_refused()
    {
        var admin = await _desk.LoggedInClientAsync();
        var shortPassword = await admin.PostAsJsonAsync("/api/agents", new { email = "b@callmyway.test", displayName = "B", role = "level2", password = "short" });
        Assert.Equal(HttpStatusCode.BadRequest, shortPassword.StatusCode);
        Assert.Contains("12 characters", await shortPassword.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await admin.PostAsJsonAsync("/api/agents", new { email = "c@callmyway.test", displayName = "C", role = "level2", password = "long-enough-password", extension = "300" });
        var taken = await admin.PostAsJsonAsync("/api/agents", new { email = "d@callmyway.test", displayName = "D", role = "level2", password = "long-enough-password", extension = "300" });
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
    }

    public void Dispose()
    {
        _desk.Dispose();
        _desk.DeleteDatabase();
    }
}
