using System.Net;

namespace CallMyWay.Voice.Web.Tests.Widgets;

/// <summary>The widgets on the company's website may call the desk's public endpoints; other sites may not.</summary>
public sealed class WidgetCorsTests : IAsyncLifetime
{
    private const string Website = "https://www.callmyway.com";
    private readonly DeskFactory _desk = new(settings: new Dictionary<string, string?> { ["Widgets:AllowedOrigins:0"] = Website });

    [Theory]
    [InlineData("/api/click2call", "POST")]
    [InlineData("/api/chat/messages", "POST")]
    [InlineData("/hubs/chat/negotiate?negotiateVersion=1", "POST")]
    public async Task The_website_may_call_the_widgets_endpoints_across_origins(string path, string method)
    {
        var preflight = await PreflightAsync(path, method, Website);

        Assert.Equal(HttpStatusCode.NoContent, preflight.StatusCode);
        Assert.Equal(Website, Assert.Single(preflight.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Equal("true", Assert.Single(preflight.Headers.GetValues("Access-Control-Allow-Credentials")));
    }

    [Fact]
    public async Task Another_site_gets_no_permission_and_the_agents_api_never_answers_across_origins()
    {
        var stranger = await PreflightAsync("/api/click2call", "POST", "https://evil.example");
        var agentsApi = await PreflightAsync("/api/cases", "GET", Website);

        Assert.False(stranger.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(agentsApi.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_simple_get_from_the_website_is_allowed_to_read_the_answer()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/chat/availability");
        request.Headers.Add("Origin", Website);

        var response = await _desk.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Website, Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _desk.DisposeAsync();
        _desk.DeleteDatabase();
    }

    private async Task<HttpResponseMessage> PreflightAsync(string path, string method, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", "content-type");
        return await _desk.CreateClient().SendAsync(request);
    }
}
