using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CallMyWay.Voice.Web.Tests.Api;

public sealed class DatabaseOutageTests : IDisposable
{
    private readonly DeskFactory _desk = new();

    [Fact]
    public async Task A_lost_database_gets_503_problems_and_an_unhealthy_health_check_not_a_crash()
    {
        var client = await _desk.LoggedInClientAsync();

        // The database file vanishes under the running service (disk swapped, volume unmounted).
        _desk.DeleteDatabase();
        Directory.CreateDirectory(_desk.DatabasePath);

        var create = await client.PostAsJsonAsync("/api/cases", new { kind = "inquiry", channel = "email" });
        var list = await client.GetAsync("/api/cases");
        var health = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, create.StatusCode);
        Assert.Contains("nothing was changed", (await create.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, list.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
    }

    public void Dispose()
    {
        _desk.Dispose();
        if (Directory.Exists(_desk.DatabasePath))
        {
            Directory.Delete(_desk.DatabasePath);
        }

        _desk.DeleteDatabase();
    }
}
