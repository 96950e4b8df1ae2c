using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CallMyWay.Voice.Domain.Cases;
using CallMyWay.Voice.Web.Click2Call;
using CallMyWay.Voice.Web.Data;
using CallMyWay.Voice.Web.Widgets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CallMyWay.Voice.Web.Tests.Click2Call;

public sealed class Click2CallEndpointTests : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "c2c-api-" + Guid.NewGuid().ToString("N") + ".db");
    private readonly FakeTimeProvider _time = new(Click2CallFixture.ClosedTime);
    private WebApplication? _app;
    private HttpClient? _client;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddDbContext<SqliteDeskDbContext>(o => o.UseSqlite($"Data Source={_file};Pooling=False"));
        builder.Services.AddScoped<DeskDbContext>(sp => sp.GetRequiredService<SqliteDeskDbContext>());
        builder.Services.AddSingleton<TimeProvider>(_time);
        builder.Services.AddSingleton(Click2CallFixture.Plan);
        builder.Services.AddSingleton(DeskRules.Default);
        builder.Services.AddAuthorization(o => o.AddPolicy(Auth.AgentPolicies.Agent, p => p.RequireAuthenticatedUser()));
        builder.Services.AddAuthentication();
        builder.Services.AddProblemDetails();
        builder.Services.AddClick2Call(builder.Configuration);
        builder.Services.AddWidgetCors(builder.Configuration);
        builder.Services.AddSingleton<IClick2CallDialer>(new FakeDialer());
        builder.Services.AddSingleton<IClick2CallScheduler>(new FakeScheduler());
        _app = builder.Build();
        _app.UseCors();
        _app.MapClick2CallEndpoints();
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DeskDbContext>().Database.EnsureCreatedAsync();
        }

        await _app.StartAsync();
        _client = _app.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        File.Delete(_file);
    }

    [Fact]
    public async Task Post_answers_202_scheduled_with_the_id_then_delete_cancels_it()
    {
        var response = await _client!.PostAsJsonAsync("/api/click2call", new { phone = "+52 55 1234 5678", name = "Ana" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var id = body.RootElement.GetProperty("id").GetString()!;
        Assert.Equal("scheduled", body.RootElement.GetProperty("status").GetString());
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 6, 0, 0, TimeSpan.FromHours(-6)), body.RootElement.GetProperty("scheduledFor").GetDateTimeOffset());
        Assert.Equal($"/api/click2call/{id}", response.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.NoContent, (await _client!.DeleteAsync($"/api/click2call/{id}")).StatusCode);
        Assert.Equal("cancelled", (await _client.GetFromJsonAsync<JsonElement>($"/api/click2call/{id}")).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await _client.DeleteAsync("/api/click2call/nope")).StatusCode);
    }

    [Theory]
    [InlineData("+1 900 234 5678", HttpStatusCode.BadRequest, "number.type")]
    [InlineData("+44 20 7946 0958", HttpStatusCode.Forbidden, "country.not-served")]
    [InlineData("garbage", HttpStatusCode.BadRequest, "number.invalid")]
    public async Task Refusals_are_problem_details_with_a_code(string phone, HttpStatusCode status, string code)
    {
        var response = await _client!.PostAsJsonAsync("/api/click2call", new { phone });

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task The_sixth_request_of_a_client_is_429_with_Retry_After()
    {
        for (var i = 0; i < 5; i++)
        {
            await _client!.PostAsJsonAsync("/api/click2call", new { phone = "garbage" });
        }

        var response = await _client!.PostAsJsonAsync("/api/click2call", new { phone = "+52 55 1234 5678" });

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromHours(1), response.Headers.RetryAfter!.Delta);
    }
}
