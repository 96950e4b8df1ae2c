using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CallMyWay.Voice.Web.Tests.WhatsApp;

/// <summary>
/// Plays the Graph API on Kestrel at 127.0.0.1 (port chosen by the OS): records every request and answers with
/// <see cref="Respond"/>, by default Meta's documented success response.
/// </summary>
internal sealed class FakeCloudApi : IAsyncDisposable
{
    public const string AcceptedWamid = "wamid.HBgLMTY0NjcwNDM1OTUVAgARGBI1RjQyNUE3NEYxMzAzMzQ5MkEA";

    public const string Accepted = """
        {
          "messaging_product": "whatsapp",
          "contacts": [
            {
              "input": "+16505551234",
              "wa_id": "16505551234"
            }
          ],
          "messages": [
            {
              "id": "wamid.HBgLMTY0NjcwNDM1OTUVAgARGBI1RjQyNUE3NEYxMzAzMzQ5MkEA"
            }
          ]
        }
        """;

    private readonly WebApplication _app;

    private FakeCloudApi(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public Func<RecordedRequest, (int Status, string Body)> Respond { get; set; } = _ => (200, Accepted);

    public static async Task<FakeCloudApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeCloudApi? api = null;
        app.Run(async http =>
        {
            using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
            var recorded = new RecordedRequest(
                http.Request.Method,
                http.Request.Path + http.Request.QueryString,
                http.Request.Headers.Authorization.ToString(),
                http.Request.ContentType,
                await reader.ReadToEndAsync());
            api!.Requests.Enqueue(recorded);
            var (status, body) = api.Respond(recorded);
            http.Response.StatusCode = status;
            http.Response.ContentType = body.StartsWith('<') ? "text/html" : "application/json";
            await http.Response.WriteAsync(body);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        api = new FakeCloudApi(app, new Uri(address));
        return api;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    public sealed record RecordedRequest(string Method, string PathAndQuery, string Authorization, string? ContentType, string Body);
}
