using CallMyWay.Voice.Web.Api;
using CallMyWay.Voice.Web.Auth;
using CallMyWay.Voice.Web.Calls;
using CallMyWay.Voice.Web.Chat;
using CallMyWay.Voice.Web.Click2Call;
using CallMyWay.Voice.Web.Data;
using CallMyWay.Voice.Web.Desk;
using CallMyWay.Voice.Web.Email;
using CallMyWay.Voice.Web.Health;
using CallMyWay.Voice.Web.Hubs;
using CallMyWay.Voice.Web.Sla;
using CallMyWay.Voice.Web.Widgets;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

// appsettings.json is read from beside the program, wherever it is started from; relative data paths stay relative to
// the working directory (the repository root for `dotnet run --project src/Web`).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddDesk(builder.Configuration);
builder.Services.AddDeskData(builder.Configuration);
builder.Services.AddDeskAuth(builder.Configuration);
builder.Services.AddDeskApi(builder.Configuration);
builder.Services.AddAgentHub();
builder.Services.AddSlaEngine(builder.Configuration);
builder.Services.AddTelephony(builder.Configuration);
builder.Services.AddEmailChannel(builder.Configuration);
builder.Services.AddClick2Call(builder.Configuration);
builder.Services.AddChatChannels(builder.Configuration);
builder.Services.AddWidgetCors(builder.Configuration);
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database").AddCheck<SipHealthCheck>("sip");

var app = builder.Build();

await app.Services.MigrateDeskDatabaseAsync(app.Lifetime.ApplicationStopping);
await using (var scope = app.Services.CreateAsyncScope())
{
    var accounts = scope.ServiceProvider.GetRequiredService<AgentAccounts>();
    await accounts.EnsureAdministratorAsync(scope.ServiceProvider.GetRequiredService<IOptions<AuthOptions>>().Value, app.Lifetime.ApplicationStopping);
}

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseCors();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();

app.MapGet("/", () => Results.Redirect("/console/")).ExcludeFromDescription();
app.MapOpenApi();
app.MapScalarApiReference("/api-docs");
app.MapHealthChecks("/health");
app.MapAuthEndpoints();
app.MapDeskEndpoints();
app.MapCaseEndpoints();
app.MapAgentEndpoints();
app.MapReportEndpoints();
app.MapCallEndpoints();
app.MapEmailEndpoints();
app.MapClick2CallEndpoints();
app.MapChatChannels();
app.MapHub<AgentHub>(HubServiceCollectionExtensions.AgentsPath);

await app.RunAsync();

/// <summary>The web host's entry point; public so integration tests can start it.</summary>
public partial class Program;
