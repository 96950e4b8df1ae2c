using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CallMyWay.Voice.Web.Tests;

/// <summary>The real web host on a SQLite file of its own, with a known administrator.</summary>
public sealed class DeskFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@callmyway.test";
    public const string AdminPassword = "correct-horse-battery-staple";

    private readonly Dictionary<string, string?> _settings;

    private readonly TimeProvider? _time;

    private readonly Action<IServiceCollection>? _services;

    /// <param name="services">Replaces services after the host registered its own (e.g. a phone dialer that records).</param>
    public DeskFactory(string? databasePath = null, IDictionary<string, string?>? settings = null, TimeProvider? time = null, Action<IServiceCollection>? services = null)
    {
        _time = time;
        _services = services;
        DatabasePath = databasePath ?? Path.Combine(Path.GetTempPath(), $"cmw-test-{Guid.NewGuid():N}.db");
        _settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = $"Data Source={DatabasePath}",
            ["Auth:AdminEmail"] = AdminEmail,
            ["Auth:AdminPassword"] = AdminPassword,
            ["Sip:ListenAddress"] = "127.0.0.1",
            ["Sip:Port"] = "0",
            ["Email:Inbound:Port"] = "0",
            ["Email:AttachmentFolder"] = Path.Combine(Path.GetTempPath(), $"cmw-attachments-{Guid.NewGuid():N}"),
            ["Email:LinkSecretFile"] = Path.Combine(Path.GetTempPath(), $"cmw-link-{Guid.NewGuid():N}.key"),
            ["Chat:AttachmentFolder"] = Path.Combine(Path.GetTempPath(), $"cmw-chat-files-{Guid.NewGuid():N}"),
            ["Ivr:OutboxFolder"] = Path.Combine(Path.GetTempPath(), $"cmw-outbox-{Guid.NewGuid():N}"),
        };
        if (settings is not null)
        {
            foreach (var (key, value) in settings)
            {
                _settings[key] = value;
            }
        }
    }

    public string DatabasePath { get; }

    public async Task<HttpClient> LoggedInClientAsync(string email = AdminEmail, string password = AdminPassword)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        Assert.Equal(System.Net.HttpStatusCode.NoContent, response.StatusCode);
        return client;
    }

    public void DeleteDatabase()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(DatabasePath + suffix);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_time is not null)
        {
            builder.ConfigureServices(services => services.AddSingleton(_time));
        }

        if (_services is not null)
        {
            builder.ConfigureServices(_services);
        }
    }
}
