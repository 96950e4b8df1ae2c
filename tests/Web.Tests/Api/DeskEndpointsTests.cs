using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CallMyWay.Voice.Web.Tests.Api;

public sealed class DeskEndpointsTests : IDisposable
{
    private readonly DeskFactory _desk = new(settings: new Dictionary<string, string?> { ["RateLimits:LoginPerMinute"] = "3" });

    [Fact]
    public async Task Health_is_200_and_numbers_lists_the_eight_dids()
    {
        var client = _desk.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        var numbers = await client.GetFromJsonAsync<JsonElement>("/api/numbers");

        Assert.Equal(8, numbers.GetArrayLength());
        var countries = numbers.EnumerateArray().Select(n => n.GetProperty("country").GetString()).ToList();
        Assert.Equal(["MX", "US", "CO", "CR", "CR", "PE", "CL", "PA"], countries);
        var us = numbers.EnumerateArray().Single(n => n.GetProperty("country").GetString() == "US");
        Assert.Equal("+13056445535", us.GetProperty("number").GetString());
        Assert.Equal("en", us.GetProperty("language").GetString());
        Assert.True(numbers.EnumerateArray().Single(n => n.GetProperty("number").GetString() == "+50640004000").GetProperty("whatsApp").GetBoolean());
        Assert.True(numbers.EnumerateArray().Single(n => n.GetProperty("number").GetString() == "+5068008000202").GetProperty("tollFree").GetBoolean());
    }

    [Fact]
    public async Task Hours_say_whether_open_and_when_it_next_opens_and_closes()
    {
        var client = _desk.CreateClient();

        var hours = await client.GetFromJsonAsync<JsonElement>("/api/hours");

        Assert.Equal("-06:00", hours.GetProperty("timeZone").GetString());
        var nextOpen = hours.GetProperty("nextOpen").GetDateTimeOffset();
        var nextClose = hours.GetProperty("nextClose").GetDateTimeOffset();
        Assert.Equal(TimeSpan.FromHours(-6), nextOpen.Offset);
        Assert.Equal(hours.GetProperty("open").GetBoolean(), nextClose < nextOpen);
    }

    [Fact]
    public async Task Repeated_logins_from_one_address_are_rate_limited_with_429()
    {
        var client = _desk.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await client.PostAsJsonAsync("/api/auth/login", new { email = "x@y.z", password = "guess-guess-guess" })).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_case_api()
    {
        var client = _desk.CreateClient();

        var document = await client.GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/cases/{number}/escalate", document, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api-docs")).StatusCode);
    }

    public void Dispose()
    {
        _desk.Dispose();
        _desk.DeleteDatabase();
    }
}
