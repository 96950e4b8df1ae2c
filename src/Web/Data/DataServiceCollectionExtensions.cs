using Microsoft.EntityFrameworkCore;

namespace CallMyWay.Voice.Web.Data;

/// <summary>Registers the desk's database for the configured provider.</summary>
public static class DataServiceCollectionExtensions
{
    public const string DefaultConnectionString = "Data Source=data/callmyway.db";

    public static IServiceCollection AddDeskData(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = configuration["Database:Provider"] ?? "Sqlite";
        var connectionString = configuration.GetConnectionString("Default") ?? DefaultConnectionString;
        if (string.Equals(provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            // Prepared once, and the options built once: every call and request gets a context, not a new configuration.
            var sqlite = SqliteFiles.Prepare(connectionString);
            services.AddSingleton<SqliteWriteGate>();
            services.AddDbContext<SqliteDeskDbContext>((sp, options) => options.UseSqlite(sqlite).AddInterceptors(sp.GetRequiredService<SqliteWriteGate>()), optionsLifetime: ServiceLifetime.Singleton);
            services.AddScoped<DeskDbContext>(sp => sp.GetRequiredService<SqliteDeskDbContext>());
        }
        else if (string.Equals(provider, "SqlServer", StringComparison.OrdinalIgnoreCase))
        {
            services.AddDbContext<SqlServerDeskDbContext>(options => options.UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure()), optionsLifetime: ServiceLifetime.Singleton);
            services.AddScoped<DeskDbContext>(sp => sp.GetRequiredService<SqlServerDeskDbContext>());
        }
        else
        {
            throw new InvalidOperationException($"Database:Provider must be Sqlite or SqlServer, not \"{provider}\".");
        }

        services.AddScoped<EfCaseRepository>();
        services.AddScoped<Domain.Application.ICaseRepository>(sp => sp.GetRequiredService<EfCaseRepository>());
        return services;
    }

    /// <summary>Creates the tables or brings them up to date, before the service answers anything.</summary>
    public static async Task MigrateDeskDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DeskDbContext>();
        await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers (the console) go on while the IVR writes a case.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        }
    }
}
